namespace OO.Api.Auth;

/// <summary>The body of <c>GET /auth/providers</c>: what the sign-in page may offer.</summary>
public sealed record ProvidersResponse(IReadOnlyList<ExternalProvider> Providers, bool DevSignIn);
