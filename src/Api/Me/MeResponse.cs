using OO.Grains.Interfaces.Users;

namespace OO.Api.Me;

/// <summary>The body of <c>GET /api/me</c>.</summary>
public sealed record MeResponse(string UserId, string Email, bool IsAdmin, UserStats Stats);
