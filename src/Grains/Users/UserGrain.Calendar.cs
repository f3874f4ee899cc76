using OO.Grains.Interfaces.Events;
using OO.Grains.Interfaces.Push;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Users;
using OO.Learning.Features;
using OO.Push;

namespace OO.Grains.Users;

/// <summary>Calendars: the events kept with each calendar source's snapshot, the meetings no push interrupts, and reminders.</summary>
public sealed partial class UserGrain : IUserCalendar
{
    /// <summary>The last push decision of this activation, for the admin view; not persisted.</summary>
    private PushDeliveryDecision? _lastPushDecision;

    private DateTimeOffset? _lastPushDecisionAt;

    Task<IReadOnlyList<CalendarEntry>> IUserCalendar.GetCalendarEntries() =>
        Task.FromResult<IReadOnlyList<CalendarEntry>>([.. CalendarEntries()]);

    Task<PushDeliveryDecision?> IUserCalendar.GetLastPushDecision() => Task.FromResult(_lastPushDecision);

    /// <summary>A calendar's sync in the event log: counts only, under the subject of task syncs.</summary>
    private void PublishCalendarSynced(TaskSnapshot snapshot) =>
        Publish(EventSubjects.TaskSynced, new CalendarSyncedPayload(
            snapshot.Source, snapshot.Version, snapshot.Tasks.Count, snapshot.OmittedCount, snapshot.Entries.Count, snapshot.Entries.Count(e => e.Busy)));

    /// <summary>The person's day for the learner's calendar features, or null without a connected calendar's events.</summary>
    private CalendarContext? Day(DateTimeOffset now)
    {
        var meetings = Meetings();
        return State.Sources.Values.Any(s => s.Entries.Count > 0)
            ? CalendarContext.From(meetings.Select(m => (m.Start, m.End)), now)
            : null;
    }

    /// <summary>Every connected calendar's events, earliest first.</summary>
    private IEnumerable<CalendarEntry> CalendarEntries() =>
        State.Sources.Values.SelectMany(s => s.Entries).OrderBy(e => e.Start).ThenBy(e => e.SourceRef, StringComparer.Ordinal);

    /// <summary>The busy stretches a push must not fall into (all-day events block no particular moment).</summary>
    private List<BusyPeriod> Meetings() =>
        [.. CalendarEntries().Where(e => e.Busy && !e.AllDay).Select(e => new BusyPeriod(e.Start, e.End))];

    /// <summary>
    /// Adds to the written candidates a reminder for each event now within <see cref="CalendarReminders.Lead"/> of its
    /// start, unless it is already there or was answered. In memory: the next write keeps it, and a lost one is
    /// simply written again from the events.
    /// </summary>
    private void AddCalendarReminders(DateTimeOffset now)
    {
        if (!Exists)
        {
            return;
        }

        var zone = TimeZone();
        foreach (var (provider, source) in State.Sources)
        {
            foreach (var entry in CalendarReminders.Due(source.Entries, now))
            {
                var sourceRef = CalendarReminders.Ref(provider, entry);
                if (State.Candidates.Any(c => c.Candidate.SourceRef == sourceRef)
                    || State.Served.Any(s => s.Tip.SourceRef == sourceRef && s.HasOutcome))
                {
                    continue;
                }

                State.Candidates.Add(CalendarReminders.Candidate(provider, entry, zone, now));
            }
        }
    }
}
