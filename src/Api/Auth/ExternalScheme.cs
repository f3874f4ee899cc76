namespace OO.Api.Auth;

/// <summary>An external sign-in that is configured: its authentication scheme and the name people see.</summary>
public sealed record ExternalScheme(string Name, string DisplayName);
