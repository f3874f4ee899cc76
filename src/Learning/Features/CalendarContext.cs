namespace OO.Learning.Features;

/// <summary>
/// The person's day at the moment of a request, from their connected calendars: whether they are in a busy event,
/// how long until the next one starts, and so how long the current free slot is. One value per request, so the learner
/// sees it only crossed with candidate facts (see <see cref="FeatureRegistry"/>, layout 4).
/// </summary>
/// <param name="BusyNow">True inside a busy, timed event.</param>
/// <param name="MinutesToNextEvent">Minutes until the next busy event starts, or null when none is known.</param>
/// <param name="FreeSlotMinutes">Minutes from now until the person is next busy (0 while busy); null when no busy event lies ahead.</param>
public sealed record CalendarContext(bool BusyNow, double? MinutesToNextEvent, double? FreeSlotMinutes)
{
    /// <summary>The context from the busy events (start, end) at <paramref name="now"/>.</summary>
    public static CalendarContext From(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> busy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(busy);
        var periods = busy.Where(b => b.End > now).OrderBy(b => b.Start).ToList();
        var busyNow = periods.Any(b => b.Start <= now);
        var next = periods.FirstOrDefault(b => b.Start > now);
        double? toNext = next == default ? null : (next.Start - now).TotalMinutes;
        return new CalendarContext(busyNow, toNext, busyNow ? 0.0 : toNext);
    }
}
