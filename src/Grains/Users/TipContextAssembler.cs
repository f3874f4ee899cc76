using System.Security.Cryptography;
using System.Text;
using OO.Grains.Interfaces.Ai;
using OO.Grains.Interfaces.Tasks;
using OO.Learning.Features;

namespace OO.Grains.Users;

/// <summary>
/// Builds what a generator is told about one person from their grain's own state, and nothing else: the titles of
/// their best-scored open tasks, their reactions counted (never listed), the local time, their profile statistics and
/// the candidates already written. No id, email, token or source name goes into it.
/// </summary>
public static class TipContextAssembler
{
    /// <summary>
    /// The context. <paramref name="tasks"/> are the open tasks with the model's expected reward, in any order; the
    /// best <paramref name="topTasks"/> are sent, each under its pool key, so a candidate can point back at one.
    /// </summary>
    public static TipContext Assemble(
        IEnumerable<(string Key, SourceTask Task, double Score)> tasks,
        IEnumerable<ServedTip> served,
        UserProfile profile,
        IEnumerable<string> existingCandidates,
        DateTimeOffset now,
        TimeZoneInfo zone,
        int topTasks,
        int maxCandidates)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var top = Top(tasks, topTasks)
            .Select(t => new ContextTask(t.Key, t.Task.Content, Overdue(t.Task, now, today), DueToday(t.Task, zone, today), Math.Clamp(t.Task.Priority, 1, 4)))
            .ToList();
        return new TipContext(top, Summarize(served, zone), localNow, Profile(profile), [.. existingCandidates], maxCandidates);
    }

    /// <summary>The best-scored <paramref name="count"/> tasks, ties broken by key so the same tasks give the same context.</summary>
    public static List<(string Key, SourceTask Task, double Score)> Top(IEnumerable<(string Key, SourceTask Task, double Score)> tasks, int count) =>
        tasks.OrderByDescending(t => t.Score).ThenBy(t => t.Key, StringComparer.Ordinal).Take(count).ToList();

    /// <summary>A short fingerprint of a set of task keys (order does not matter): two contexts about the same tasks have the same one.</summary>
    public static string Fingerprint(IEnumerable<string> keys)
    {
        var joined = string.Join('\n', keys.Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(joined)), 0, 8);
    }

    /// <summary>Reactions in the served-tip log, counted; a task completed in its source after it was shown counts as done.</summary>
    public static ReactionSummary Summarize(IEnumerable<ServedTip> served, TimeZoneInfo zone)
    {
        int done = 0, snoozed = 0, dismissed = 0;
        var byHour = new int[24];
        foreach (var tip in served.Where(s => s.HasOutcome))
        {
            if (tip.Reaction is Interfaces.Tips.Reaction.Snooze)
            {
                snoozed++;
            }
            else if (tip.Reaction is Interfaces.Tips.Reaction.Dismiss)
            {
                dismissed++;
            }
            else
            {
                done++;
                var at = tip.ReactedAt ?? tip.CompletedInSourceAt ?? tip.Tip.ServedAt;
                byHour[TimeZoneInfo.ConvertTime(at, zone).Hour]++;
            }
        }

        return new ReactionSummary(done, snoozed, dismissed, byHour);
    }

    private static Dictionary<string, double> Profile(UserProfile profile) =>
        profile.CompletionRate.ComputedAt is null
            ? []
            : new Dictionary<string, double>
            {
                ["reactions"] = profile.ReactionCount,
                ["completion_rate"] = Math.Round(profile.CompletionRate.Value, 2),
                ["snooze_rate"] = Math.Round(profile.SnoozeRate.Value, 2),
                ["dismiss_rate"] = Math.Round(profile.DismissRate.Value, 2),
                ["mean_seconds_before_done"] = Math.Round(profile.MeanDwellSeconds.Value),
            };

    private static bool Overdue(SourceTask task, DateTimeOffset now, DateOnly today) =>
        task.DueAt is { } at ? at < now : task.DueDate is { } date && date < today;

    private static bool DueToday(SourceTask task, TimeZoneInfo zone, DateOnly today) =>
        task.DueAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) == today : task.DueDate == today;
}
