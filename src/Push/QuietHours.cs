namespace OO.Push;

/// <summary>
/// A daily window of local wall-clock time in which no push is sent. The window may cross
/// midnight (22:00–07:00). Start is inside the window, end is not; equal start and end mean
/// no quiet hours at all.
/// </summary>
/// <param name="Start">The local time quiet begins.</param>
/// <param name="End">The local time quiet ends.</param>
public readonly record struct QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>No quiet hours.</summary>
    public static QuietHours None => new(TimeOnly.MinValue, TimeOnly.MinValue);

    /// <summary>True when the local time <paramref name="localTime"/> falls inside the window.</summary>
    public bool Contains(TimeOnly localTime) =>
        Start == End ? false
        : Start < End ? localTime >= Start && localTime < End
        : localTime >= Start || localTime < End;

    /// <summary>
    /// True when the instant <paramref name="now"/> is quiet for someone in <paramref name="zone"/>.
    /// The window is read on the wall clock there, so it follows daylight-saving changes.
    /// </summary>
    public bool Contains(DateTimeOffset now, TimeZoneInfo zone) =>
        Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime));
}
