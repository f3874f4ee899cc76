namespace OO.Todoist;

/// <summary>
/// Todoist answered 429. It is not retried here: the caller (the integration grain) owns the
/// schedule and should wait at least <see cref="RetryAfter"/> before the next call.
/// </summary>
public sealed class TodoistRateLimitedException : TodoistException
{
    public TodoistRateLimitedException(string message, TimeSpan? retryAfter)
        : base(message, 429)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>
    /// How long Todoist asked to wait, from <c>Retry-After</c> given in seconds or as an HTTP date
    /// (a date in the past gives zero); null when the header was missing or unreadable.
    /// </summary>
    public TimeSpan? RetryAfter { get; }
}
