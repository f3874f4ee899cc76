namespace OO.Grains.Sources;

/// <summary>What went wrong at a source, and so what the integration grain does next.</summary>
public enum TaskSourceFault
{
    /// <summary>The provider no longer accepts the access (401, revoked, refresh refused): the user must connect again.</summary>
    Unauthorized,

    /// <summary>The provider asked to slow down (429): wait at least <see cref="TaskSourceException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>5xx, timeout or network failure after the bounded in-call retries: back off and try later.</summary>
    Unavailable,

    /// <summary>Any other refusal (404 for a task that is gone, 400): repeating gives the same answer.</summary>
    Rejected,

    /// <summary>
    /// oO's own stored tokens cannot be decrypted (Data Protection keys missing or not yet replicated): an
    /// operator's problem, not the person's. Alert and retry with back-off; never ask them to reconnect.
    /// </summary>
    TokensUnreadable,
}
