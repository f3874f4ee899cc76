namespace OO.Todoist.OAuth;

/// <summary>
/// Todoist's OAuth 2 flow: the authorize URL, the code exchange, refresh and revocation.
/// Registered as a singleton by <c>AddTodoist()</c>; safe to hold for a process's lifetime.
/// </summary>
public interface ITodoistOAuthClient
{
    /// <summary>
    /// The URL to send the user's browser to: <c>{AuthBaseUrl}/authorize?client_id&amp;scope&amp;state</c>,
    /// plus <c>redirect_uri</c> when given (Todoist otherwise uses the one registered for the app).
    /// </summary>
    /// <param name="state">An unguessable value bound to the user's session; check it on the callback.</param>
    Uri BuildAuthorizeUrl(string state, Uri? redirectUri = null);

    /// <summary>
    /// Exchanges the callback's <c>code</c> for tokens. Never retried: a code works once.
    /// </summary>
    /// <exception cref="TodoistUnauthorizedException">Todoist refused the code (expired, used, or not ours).</exception>
    /// <exception cref="TodoistRateLimitedException">429, with its Retry-After.</exception>
    /// <exception cref="TodoistUnavailableException">5xx, timeout or network failure.</exception>
    Task<TodoistTokenSet> ExchangeCodeAsync(string code, Uri? redirectUri = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Trades a refresh token for a new pair. The refresh token rotates: the old one stops
    /// working, so persist the returned set. Not retried, since a lost answer to a repeated
    /// refresh would leave no working refresh token either.
    /// </summary>
    /// <exception cref="TodoistUnauthorizedException">The refresh token is no longer valid: connect again.</exception>
    Task<TodoistTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes an access token (RFC 7009, HTTP Basic client authentication). Revoking an unknown
    /// or already revoked token succeeds, so it is retried like a read.
    /// </summary>
    Task RevokeAsync(string accessToken, CancellationToken cancellationToken = default);
}
