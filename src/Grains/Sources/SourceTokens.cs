namespace OO.Grains.Sources;

/// <summary>
/// What a provider granted. Only ever stored encrypted (see <c>IntegrationTokenProtector</c>);
/// <see cref="ToString"/> hides the tokens so a log line cannot leak them.
/// </summary>
/// <param name="AccessToken">The bearer token for API calls.</param>
/// <param name="RefreshToken">The refresh token, or null when the access token never expires.</param>
/// <param name="ExpiresAt">When the access token expires, or null for never.</param>
public sealed record SourceTokens(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt)
{
    /// <summary>True when a refresh token came with the access token.</summary>
    public bool CanRefresh => !string.IsNullOrEmpty(RefreshToken);

    /// <summary>True when the access token has expired or will within <paramref name="margin"/>.</summary>
    public bool ExpiresWithin(TimeSpan margin, DateTimeOffset now) => ExpiresAt is { } at && at - margin <= now;

    public override string ToString() =>
        $"SourceTokens {{ AccessToken = ***, RefreshToken = {(CanRefresh ? "***" : "none")}, ExpiresAt = {ExpiresAt?.ToString("O") ?? "never"} }}";
}
