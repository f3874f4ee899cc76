using OO.GoogleCalendar.Api;
using OO.Grains.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Sources;
using OO.Grains.Sources.GoogleCalendar;

namespace OO.Integrations.Tests;

/// <summary>What oO keeps of a Google event (the least needed), and how incremental changes are merged.</summary>
public sealed class GoogleCalendarMappingTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_title_is_kept_only_for_an_event_with_attendees_or_a_description()
    {
        var withGuests = Event("a", "Design review", attendees: true);
        var withNotes = Event("b", "Dentist", description: true);
        var alone = Event("c", "Focus time") with { Transparent = true };

        Assert.Equal("Design review", GoogleCalendarSource.ToEntry(withGuests, TimeZoneInfo.Utc)!.ReminderTitle);
        Assert.Equal("Dentist", GoogleCalendarSource.ToEntry(withNotes, TimeZoneInfo.Utc)!.ReminderTitle);
        var free = GoogleCalendarSource.ToEntry(alone, TimeZoneInfo.Utc)!;
        Assert.Equal((null, false, false), (free.ReminderTitle, free.Busy, free.AllDay));
    }

    [Fact]
    public void An_all_day_event_spans_its_local_days_and_is_never_reminded_of()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var holiday = new GoogleEvent("h", false, null, null, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25), false, "Holiday", true, true);

        var entry = GoogleCalendarSource.ToEntry(holiday, zone)!;

        Assert.Equal((new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(1)), true, null), (entry.Start, entry.AllDay, entry.ReminderTitle));
        Assert.Equal(TimeSpan.FromDays(1), entry.End - entry.Start);
    }

    [Fact]
    public void A_change_set_updates_and_removes_while_a_complete_listing_replaces_and_ended_events_drop()
    {
        List<CalendarEntry> kept = [Entry("a", 1), Entry("b", 2), Entry("old", -2)];

        var changed = CalendarEntryMerge.Apply(kept, new SourcePoll([]) { EntriesComplete = false, Entries = [Entry("b", 3), Entry("c", 4)], RemovedEntries = ["a"] }, Nine, 100);
        Assert.Equal(["b", "c"], changed.Select(e => e.SourceRef));
        Assert.Equal(Nine.AddHours(3), changed[0].Start);

        var replaced = CalendarEntryMerge.Apply(changed, new SourcePoll([]) { Entries = [Entry("d", 5)] }, Nine, 100);
        Assert.Equal(["d"], replaced.Select(e => e.SourceRef));
    }

    private static CalendarEntry Entry(string id, int hours) => new(id, Nine.AddHours(hours), Nine.AddHours(hours + 1), true, false, null);

    private static GoogleEvent Event(string id, string summary, bool attendees = false, bool description = false) =>
        new(id, false, Nine, Nine.AddHours(1), null, null, false, summary, description, attendees);
}
