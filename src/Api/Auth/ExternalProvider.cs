namespace OO.Api.Auth;

/// <summary>A configured external sign-in, as <c>GET /auth/providers</c> lists it.</summary>
public sealed record ExternalProvider(string Name, string DisplayName, string SignInUrl);
