namespace OO.GoogleCalendar.Api;

/// <summary>
/// One event (or one instance of a recurring event) as read from <c>events.list</c>, only what oO looks at:
/// the description and attendees are reduced to whether they exist.
/// </summary>
/// <param name="Id">The event's id.</param>
/// <param name="Cancelled">True for <c>status: cancelled</c> (deleted, or an instance removed from a series).</param>
/// <param name="Start">The start instant of a timed event.</param>
/// <param name="End">The end instant of a timed event.</param>
/// <param name="StartDate">The first day of an all-day event.</param>
/// <param name="EndDate">The day after the last day of an all-day event.</param>
/// <param name="Transparent">True for <c>transparency: transparent</c> (the event does not block time).</param>
/// <param name="Summary">The title, if any.</param>
/// <param name="HasDescription">True when the event has a non-empty description.</param>
/// <param name="HasAttendees">True when the event lists attendees besides nobody.</param>
public sealed record GoogleEvent(
    string Id,
    bool Cancelled,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    DateOnly? StartDate,
    DateOnly? EndDate,
    bool Transparent,
    string? Summary,
    bool HasDescription,
    bool HasAttendees);
