namespace OO.Todoist.OAuth;

/// <summary>
/// What Todoist granted: an access token and, for apps that get them, a refresh token and an
/// expiry. Store it encrypted; <see cref="ToString"/> hides the tokens so a log line cannot leak them.
/// </summary>
/// <param name="AccessToken">The bearer token for API calls.</param>
/// <param name="RefreshToken">
/// The refresh token, or null for tokens that never expire. It rotates: after a refresh only
/// the new one works, so persist the new pair before using it.
/// </param>
/// <param name="ExpiresAt">When the access token expires, or null when Todoist gave no expiry.</param>
public sealed record TodoistTokenSet(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt)
{
    /// <summary>True when a refresh token came with the access token.</summary>
    public bool CanRefresh => !string.IsNullOrEmpty(RefreshToken);

    /// <summary>
    /// True when the access token has expired or will within <paramref name="margin"/>; tokens
    /// without an expiry never do.
    /// </summary>
    public bool ExpiresWithin(TimeSpan margin, DateTimeOffset now) => ExpiresAt is { } expiresAt && expiresAt - margin <= now;

    public override string ToString() =>
        $"TodoistTokenSet {{ AccessToken = ***, RefreshToken = {(CanRefresh ? "***" : "none")}, ExpiresAt = {ExpiresAt?.ToString("O") ?? "never"} }}";
}
