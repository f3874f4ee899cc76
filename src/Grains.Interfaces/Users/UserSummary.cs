namespace OO.Grains.Interfaces.Users;

/// <summary>Who a user is and what they did, as <c>GET /api/me</c> shows it.</summary>
[GenerateSerializer, Immutable, Alias("oo.UserSummary")]
public sealed record UserSummary(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] UserStats Stats);
