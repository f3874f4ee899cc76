namespace OO.GoogleCalendar;

/// <summary>A call to Google failed. Messages never carry a token, a code or a URL.</summary>
public sealed class GoogleCalendarException : Exception
{
    public GoogleCalendarException(GoogleCalendarFault fault, string message, int? statusCode = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Fault = fault;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public GoogleCalendarFault Fault { get; }

    /// <summary>The HTTP status, when Google answered.</summary>
    public int? StatusCode { get; }

    /// <summary>For <see cref="GoogleCalendarFault.RateLimited"/>: Google's Retry-After, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
