namespace OO.Push;

/// <summary>The classified result of sending one message.</summary>
/// <param name="Outcome">What happened; decides what the caller does next.</param>
/// <param name="StatusCode">The last HTTP status received, or null when no response came (timeout, connection failure).</param>
/// <param name="Attempts">HTTP attempts made, the first included.</param>
public sealed record PushResult(PushOutcome Outcome, int? StatusCode, int Attempts)
{
    /// <summary>For <see cref="PushOutcome.RateLimited"/>: how long the push service asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A short description for logs: the response body's start or the exception's message.</summary>
    public string? Detail { get; init; }

    /// <summary>True when the subscription should be deleted.</summary>
    public bool SubscriptionGone => Outcome == PushOutcome.Gone;
}
