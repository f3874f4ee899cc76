using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Learning.Features;

namespace OO.Grains.Users;

/// <summary>
/// What a user could be shown now: every source's open tasks, minus the ones kept out of view, and the candidates
/// written for them that are still live.
/// </summary>
public static class CandidatePool
{
    /// <summary>The source of a candidate a language model wrote.</summary>
    public const string ModelSource = "ai";

    /// <summary>The source of a candidate the rule-based generator wrote (its model name is <c>rules</c> too).</summary>
    public const string RulesSource = "rules";

    /// <summary>The key of a candidate in the hidden list and the explainability log: <c>{source}:{sourceRef}</c>.</summary>
    public static string Key(string source, string sourceRef) => $"{source}:{sourceRef}";

    /// <summary>True for the sources of written candidates, which no source account knows and nothing closes.</summary>
    public static bool IsWritten(string source) => source is ModelSource or RulesSource;

    /// <summary>The source a written candidate is served under: <c>rules</c> for the rule-based generator, <c>ai</c> for any model.</summary>
    public static string SourceOf(TipCandidate candidate) =>
        string.Equals(candidate.Model, RulesSource, StringComparison.Ordinal) ? RulesSource : ModelSource;

    /// <summary>The open candidates in a stable order (source, then task), so a seeded choice is reproducible.</summary>
    public static List<(string Source, SourceTask Task)> Open(
        IReadOnlyDictionary<string, SourceTasks> sources, IReadOnlyDictionary<string, DateTimeOffset> hiddenUntil, DateTimeOffset now) =>
        sources
            .SelectMany(s => s.Value.Tasks.Select(t => (Source: s.Key, Task: t)))
            .Where(c => !hiddenUntil.TryGetValue(Key(c.Source, c.Task.SourceRef), out var until) || until <= now)
            .OrderBy(c => c.Source, StringComparer.Ordinal)
            .ThenBy(c => c.Task.SourceRef, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The written candidates that may be shown now: not expired, not put off by "Not now", and, when one is about a
    /// task, only while that task is among <paramref name="openTaskKeys"/>. Oldest first.
    /// </summary>
    public static List<WrittenCandidate> Live(IEnumerable<WrittenCandidate> written, IReadOnlySet<string> openTaskKeys, DateTimeOffset now) =>
        written
            .Where(w => w.ExpiresAt > now && (w.HiddenUntil is not { } until || until <= now) && (w.AboutKey is null || openTaskKeys.Contains(w.AboutKey)))
            .OrderBy(w => w.CreatedAt)
            .ThenBy(w => w.Candidate.SourceRef, StringComparer.Ordinal)
            .ToList();

    /// <summary>True for a reminder written from a calendar event: its text holds the event's title, which stays on this host.</summary>
    public static bool IsCalendarReminder(WrittenCandidate written) =>
        written.Candidate.Source == RulesSource && written.Candidate.PromptVersion == CalendarReminders.PromptVersion;

    /// <summary>
    /// Trims <paramref name="written"/> to at most <paramref name="keep"/>: expired ones go first, then those put off by
    /// "Not now", then the oldest. The candidate on screen (<paramref name="shown"/>, so a reaction to it still finds
    /// it) and calendar reminders (each due within hours) are never trimmed, so the list may stay longer than
    /// <paramref name="keep"/> when they alone exceed it.
    /// </summary>
    public static void Trim(List<WrittenCandidate> written, int keep, (string Source, string SourceRef)? shown, DateTimeOffset now)
    {
        written.RemoveAll(w => w.ExpiresAt <= now);
        var excess = written.Count - keep;
        if (excess <= 0)
        {
            return;
        }

        var dropped = written
            .Where(w => !IsCalendarReminder(w) && !(shown is { } s && w.Candidate.Source == s.Source && w.Candidate.SourceRef == s.SourceRef))
            .OrderBy(w => w.HiddenUntil > now ? 0 : 1)
            .ThenBy(w => w.CreatedAt)
            .Take(excess)
            .ToHashSet(ReferenceEqualityComparer.Instance);
        written.RemoveAll(dropped.Contains);
    }

    /// <summary>A written candidate in the shape the pool serves: a task of its source with its text, written when it was.</summary>
    public static (string Source, SourceTask Task) AsPoolEntry(WrittenCandidate written) =>
        (written.Candidate.Source, new SourceTask(written.Candidate.SourceRef, written.Candidate.Content, Priority: 1, DueDate: null, DueAt: null, written.CreatedAt, written.Meaning));

    /// <summary>What the learner sees of a written candidate: its kind, who wrote it, the confidence and the variant.</summary>
    public static TaskFacts Facts(WrittenCandidate written)
    {
        var candidate = written.Candidate;
        var kind = candidate.Kind switch
        {
            TipKind.Advice => CandidateKind.Advice,
            TipKind.Insight => CandidateKind.Insight,
            TipKind.Reminder => CandidateKind.Reminder,
            _ => CandidateKind.Task,
        };
        var generated = new GeneratedFacts(
            kind, candidate.Source == ModelSource, candidate.Confidence, candidate.Model ?? "", candidate.PromptVersion ?? "");
        return new TaskFacts(null, null, written.CreatedAt, 1, written.Meaning, generated);
    }
}
