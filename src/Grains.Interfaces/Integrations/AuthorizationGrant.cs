namespace OO.Grains.Interfaces.Integrations;

/// <summary>The result of an authorization callback.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="ProtectedTokens">
/// On <see cref="AuthorizationOutcome.Granted"/>, the token set encrypted with Data Protection (never plaintext); otherwise null.
/// </param>
[GenerateSerializer, Immutable, Alias("oo.AuthorizationGrant")]
public sealed record AuthorizationGrant(
    [property: Id(0)] AuthorizationOutcome Outcome,
    [property: Id(1)] string? ProtectedTokens = null);
