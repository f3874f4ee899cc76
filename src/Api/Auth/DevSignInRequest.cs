namespace OO.Api.Auth;

/// <summary>The body of <c>POST /auth/dev</c>.</summary>
public sealed record DevSignInRequest(string? Email);
