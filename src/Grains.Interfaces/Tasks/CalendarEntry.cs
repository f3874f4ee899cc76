namespace OO.Grains.Interfaces.Tasks;

/// <summary>
/// One event of a calendar source, reduced to the least oO needs: when it is, whether it makes the
/// person busy, and, only for an event worth preparing for (it has attendees or a description), its
/// title for a reminder. Nothing else of the event (attendees, description, place) is kept.
/// </summary>
/// <param name="SourceRef">The provider's id of the event (of one instance, for a recurring event).</param>
/// <param name="Start">When it starts; an all-day event starts at midnight UTC of its first day.</param>
/// <param name="End">When it ends (exclusive).</param>
/// <param name="Busy">True when the event marks the person busy (Google's <c>transparency</c> is opaque).</param>
/// <param name="AllDay">True for an all-day event: never counted as a meeting, never reminded of.</param>
/// <param name="ReminderTitle">The title, kept only when the event has attendees or a description; otherwise null.</param>
[GenerateSerializer, Immutable, Alias("oo.CalendarEntry")]
public sealed record CalendarEntry(
    [property: Id(0)] string SourceRef,
    [property: Id(1)] DateTimeOffset Start,
    [property: Id(2)] DateTimeOffset End,
    [property: Id(3)] bool Busy,
    [property: Id(4)] bool AllDay,
    [property: Id(5)] string? ReminderTitle);
