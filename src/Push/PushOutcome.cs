namespace OO.Push;

/// <summary>What became of one message, and so what the caller should do next.</summary>
public enum PushOutcome
{
    /// <summary>The push service accepted it (201, 200 or 202).</summary>
    Delivered,

    /// <summary>404 or 410: the subscription no longer exists. Delete it.</summary>
    Gone,

    /// <summary>429: too many messages; wait <see cref="PushResult.RetryAfter"/> before the next one.</summary>
    RateLimited,

    /// <summary>413: the push service refused the size of the body.</summary>
    PayloadTooLarge,

    /// <summary>Any other 4xx: the request was refused (for example a VAPID key mismatch). Retrying will not help.</summary>
    Rejected,

    /// <summary>5xx, timeouts or connection failures that outlasted every attempt. Try again at the next opportunity.</summary>
    TransientFailure,
}
