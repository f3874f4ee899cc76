namespace OO.Todoist;

/// <summary>
/// Todoist no longer accepts the token or grant (401/403, or an OAuth grant it refused):
/// retrying will not help, the user has to connect Todoist again.
/// </summary>
public sealed class TodoistUnauthorizedException : TodoistException
{
    public TodoistUnauthorizedException(string message, int? statusCode, string? oauthError = null)
        : base(message, statusCode)
    {
        OAuthError = oauthError;
    }

    /// <summary>The OAuth <c>error</c> code the token endpoint gave (e.g. <c>invalid_grant</c>), if any.</summary>
    public string? OAuthError { get; }
}
