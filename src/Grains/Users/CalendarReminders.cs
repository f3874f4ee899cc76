using System.Globalization;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;

namespace OO.Grains.Users;

/// <summary>
/// "Prepare for 15:00 Design review": reminders written from calendar events that have attendees or a description,
/// offered as written candidates of kind <see cref="TipKind.Reminder"/> from <see cref="Lead"/> before the event
/// until it starts, so the bandit decides whether they are worth showing, like any other candidate.
/// </summary>
public static class CalendarReminders
{
    /// <summary>How long before an event its reminder joins the candidates.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromHours(2);

    /// <summary>The prompt version reminders are logged under (their "model" is the rule-based <c>rules</c>).</summary>
    public const string PromptVersion = "calendar-1";

    /// <summary>The events whose reminder may be offered at <paramref name="now"/>: timed, titled for a reminder, starting within <see cref="Lead"/>.</summary>
    public static IEnumerable<CalendarEntry> Due(IEnumerable<CalendarEntry> entries, DateTimeOffset now) =>
        entries.Where(e => !e.AllDay && e.ReminderTitle is { Length: > 0 } && e.Start > now && e.Start - Lead <= now);

    /// <summary>
    /// The reminder's id: one per calendar source, event instance and start time (a moved event gets a new one).
    /// It names the source so that disconnecting that source takes its reminders away (<see cref="IsFrom"/>).
    /// </summary>
    public static string Ref(string provider, CalendarEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{RefPrefix(provider)}{entry.SourceRef}:{entry.Start.ToUnixTimeSeconds()}");

    /// <summary>True for a reminder written from an event of <paramref name="provider"/>'s calendar.</summary>
    public static bool IsFrom(WrittenCandidate written, string provider) =>
        written.Candidate.PromptVersion == PromptVersion && written.Candidate.SourceRef.StartsWith(RefPrefix(provider), StringComparison.Ordinal);

    /// <summary>The reminder as a written candidate, live until the event starts.</summary>
    public static WrittenCandidate Candidate(string provider, CalendarEntry entry, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(entry.Start, zone);
        var content = string.Create(CultureInfo.InvariantCulture, $"Prepare for {local:HH:mm} {entry.ReminderTitle}");
        return new WrittenCandidate
        {
            Candidate = new TipCandidate(content, TipKind.Reminder, CandidatePool.RulesSource, Ref(provider, entry), CandidatePool.RulesSource, PromptVersion),
            CreatedAt = now,
            ExpiresAt = entry.Start,
        };
    }

    // Provider names never hold a colon, so one provider's prefix is never the start of another's.
    private static string RefPrefix(string provider) => $"calendar:{provider}:";
}
