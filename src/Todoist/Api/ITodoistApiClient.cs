namespace OO.Todoist.Api;

/// <summary>
/// The Todoist REST API v1 calls oO makes on a user's behalf. Every call takes the user's
/// access token, so one instance serves every user; registered as a singleton by <c>AddTodoist()</c>.
/// </summary>
/// <remarks>
/// Faults are typed: <see cref="TodoistUnauthorizedException"/> (connect again),
/// <see cref="TodoistRateLimitedException"/> (wait <c>RetryAfter</c>),
/// <see cref="TodoistUnavailableException"/> (transient, after bounded retries of safe requests),
/// <see cref="TodoistRequestException"/> (any other refusal).
/// </remarks>
public interface ITodoistApiClient
{
    /// <summary>
    /// Every open task of the user, following the cursor over all pages; checked and deleted
    /// tasks are left out, and a task seen on two pages is returned once.
    /// </summary>
    Task<IReadOnlyList<TodoistTask>> GetActiveTasksAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes (completes) a task. Not retried: for a recurring task a second close would skip an
    /// occurrence, so after a <see cref="TodoistUnavailableException"/> let the next poll tell
    /// whether it happened.
    /// </summary>
    Task CloseTaskAsync(string accessToken, string taskId, CancellationToken cancellationToken = default);

    /// <summary>The Todoist user the token belongs to: their id (to route webhooks) and time zone.</summary>
    Task<TodoistUser> GetUserAsync(string accessToken, CancellationToken cancellationToken = default);
}
