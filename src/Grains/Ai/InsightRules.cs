using System.Globalization;
using OO.Ai.Gate;
using OO.Ai.Prompts;
using OO.Grains.Interfaces.Ai;

namespace OO.Grains.Ai;

/// <summary>
/// Insights without a model: a few honest rules over the person's own history, each speaking only when the data
/// carries it. Reaction rules need <see cref="MinReactions"/> recent reactions (the hours rule
/// <see cref="MinDoneForHours"/> finished tasks); the overdue rule needs <see cref="MinOverdue"/> overdue tasks.
/// Strongest first; the caller's gate keeps at most the asked number.
/// </summary>
public static class InsightRules
{
    /// <summary>The rules' version; <see cref="PromptVersion"/> is its hash, as a prompt's is of its file. Change it with the rules.</summary>
    public const string Version = "rules/1: peak-hours, done-streak, snooze-heavy, overdue-pile";

    /// <summary>Reactions needed before a reaction rule speaks.</summary>
    public const int MinReactions = 8;

    /// <summary>Finished tasks (with their hour) needed before the hours rule speaks.</summary>
    public const int MinDoneForHours = 8;

    /// <summary>Overdue tasks needed before the overdue rule speaks.</summary>
    public const int MinOverdue = 3;

    /// <summary>The share of finished tasks a three-hour window must hold to count as the person's peak.</summary>
    public const double PeakShare = 0.5;

    private const int PeakHours = 3;

    /// <summary>The prompt version of every rule-based candidate.</summary>
    public static string PromptVersion { get; } = PromptLibrary.VersionOf(Version);

    /// <summary>The insights the context supports, strongest first, each possibly about one of its tasks.</summary>
    public static IReadOnlyList<TipDraft> Propose(TipContext context)
    {
        var drafts = new List<TipDraft>();
        var focus = context.Tasks
            .OrderByDescending(static t => t.Overdue)
            .ThenByDescending(static t => t.DueToday)
            .ThenByDescending(static t => t.Priority)
            .FirstOrDefault();
        var due = focus is { Overdue: true } or { DueToday: true } ? focus : null;

        if (PeakWindow(context.Reactions) is (int start, double share))
        {
            var window = $"between {Hour(start)} and {Hour(start + PeakHours)}";
            var now = context.LocalNow.Hour;
            drafts.Add(due is not null && now >= start && now < start + PeakHours
                ? About(due, share, $"You finish most tasks {window} — now is a good time for \"", "\".")
                : new TipDraft($"You finish most tasks {window} — worth keeping your hardest one for then.", "insight", null, Math.Round(share * 0.8, 2)));
        }

        var reactions = context.Reactions;
        var total = reactions.Done + reactions.Snoozed + reactions.Dismissed;
        if (total >= MinReactions && focus is not null && reactions.Done >= 0.6 * total)
        {
            drafts.Add(About(focus, (double)reactions.Done / total, $"You finished {reactions.Done} of your recent {total} tips — keep it going with \"", "\"."));
        }

        if (total >= MinReactions && reactions.Snoozed >= 0.4 * total)
        {
            drafts.Add(new TipDraft(
                $"You snoozed {reactions.Snoozed} of your recent {total} tips — a small task finished now can beat a big one later.",
                "insight", null, Math.Round((double)reactions.Snoozed / total, 2)));
        }

        var overdue = context.Tasks.Where(static t => t.Overdue).OrderByDescending(static t => t.Priority).ToList();
        if (overdue.Count >= MinOverdue)
        {
            drafts.Add(About(overdue[0], 0.6, $"{overdue.Count} of your tasks are overdue — finishing \"", "\" first would lighten the list."));
        }

        return drafts;
    }

    /// <summary>The three-hour window holding the largest share of finished tasks, when it holds at least <see cref="PeakShare"/>.</summary>
    internal static (int Start, double Share)? PeakWindow(ReactionSummary reactions)
    {
        var hours = reactions.DoneByLocalHour;
        var done = hours.Sum();
        if (hours.Count != 24 || done < MinDoneForHours)
        {
            return null;
        }

        // Of equally full windows, the first that starts with a finished task: 8–11 rather than 7–10 for 8:00 and 9:00.
        var best = Enumerable.Range(0, 24 - PeakHours + 1)
            .Select(start => (Start: start, Count: hours.Skip(start).Take(PeakHours).Sum()))
            .OrderByDescending(static w => w.Count)
            .ThenByDescending(w => hours[w.Start] > 0)
            .ThenBy(static w => w.Start)
            .First();
        var share = (double)best.Count / done;
        return share >= PeakShare ? (best.Start, Math.Round(share, 2)) : null;
    }

    /// <summary>An insight about one task, its title quoted and shortened so the sentence fits the gate's limit.</summary>
    private static TipDraft About(ContextTask task, double confidence, string before, string after)
    {
        var room = TipGate.MaxContentLength - before.Length - after.Length;
        var info = new StringInfo(task.Title.Trim());
        var title = info.LengthInTextElements <= room ? info.String : info.SubstringByTextElements(0, Math.Max(0, room - 1)).TrimEnd() + "…";
        return new TipDraft(before + title + after, "insight", task.SourceRef, Math.Round(confidence, 2));
    }

    private static string Hour(int hour) => $"{hour % 24:00}:00";
}
