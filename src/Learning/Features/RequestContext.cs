namespace OO.Learning.Features;

/// <summary>The moment of a request, and the user's time zone that gives it a local hour and weekday.</summary>
public sealed record RequestContext(DateTimeOffset Now, TimeZoneInfo TimeZone)
{
    /// <summary><see cref="Now"/> in the user's time zone.</summary>
    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(Now, TimeZone);

    /// <summary>The person's day from their calendars, or null when none is connected (the calendar features are then 0).</summary>
    public CalendarContext? Calendar { get; init; }

    /// <summary>Today's date in the user's time zone.</summary>
    public DateOnly LocalToday => DateOnly.FromDateTime(LocalNow.DateTime);
}
