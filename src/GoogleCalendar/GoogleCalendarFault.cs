namespace OO.GoogleCalendar;

/// <summary>What went wrong in a call to Google.</summary>
public enum GoogleCalendarFault
{
    /// <summary>401, or a refused code or refresh token: the person must connect again.</summary>
    Unauthorized,

    /// <summary>429 (or 403 with a rate-limit reason): wait, at least <see cref="GoogleCalendarException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>5xx, timeout or network failure after the bounded retries.</summary>
    Unavailable,

    /// <summary>Any other refusal: repeating gives the same answer.</summary>
    Rejected,

    /// <summary>410 Gone on a sync token: the caller starts over with a complete listing.</summary>
    SyncTokenExpired,
}
