namespace OO.GoogleCalendar.OAuth;

/// <summary>What Google granted. <see cref="ToString"/> hides the tokens.</summary>
/// <param name="AccessToken">The bearer token for API calls.</param>
/// <param name="RefreshToken">The refresh token; Google sends one with the first grant only, so a refresh keeps the old one.</param>
/// <param name="ExpiresAt">When the access token expires.</param>
public sealed record GoogleTokenSet(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt)
{
    public override string ToString() => $"GoogleTokenSet {{ AccessToken = ***, RefreshToken = {(RefreshToken is null ? "none" : "***")}, ExpiresAt = {ExpiresAt:O} }}";
}
