namespace OO.Todoist.Api;

/// <summary>
/// A task's due date. Todoist has three shapes: a whole day (<see cref="DateTime"/> is null);
/// a fixed moment (<see cref="DateTime"/> in UTC, <see cref="TimeZone"/> set); or a floating
/// wall-clock time that follows the user wherever they are (<see cref="DateTime"/> with
/// <see cref="DateTimeKind.Unspecified"/>, no <see cref="TimeZone"/>).
/// </summary>
/// <param name="Date">The due day (for a fixed moment, the day Todoist reports for it).</param>
/// <param name="DateTime">The due time: UTC for a fixed moment, unspecified kind for a floating one, null for a whole day.</param>
/// <param name="TimeZone">The IANA zone of a fixed moment, or null.</param>
/// <param name="Text">Todoist's human text for it, such as "every monday at 9".</param>
/// <param name="IsRecurring">True for a recurring due date: closing the task moves it to the next occurrence.</param>
public sealed record TodoistDue(DateOnly Date, DateTime? DateTime, string? TimeZone, string Text, bool IsRecurring)
{
    /// <summary>True when the due date has a time of day.</summary>
    public bool HasTime => DateTime is not null;

    /// <summary>True for a wall-clock time without a zone, read in the user's own zone.</summary>
    public bool IsFloating => DateTime is { Kind: DateTimeKind.Unspecified };

    /// <summary>
    /// The moment the task is due: a fixed moment as is, a floating time read in
    /// <paramref name="userZone"/>; null for a whole-day due date, which has no single moment.
    /// </summary>
    public DateTimeOffset? ToInstant(TimeZoneInfo userZone)
    {
        ArgumentNullException.ThrowIfNull(userZone);
        return DateTime switch
        {
            null => null,
            { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc, TimeSpan.Zero),
            { } local => new DateTimeOffset(local, userZone.GetUtcOffset(local)),
        };
    }
}
