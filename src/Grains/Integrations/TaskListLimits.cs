using System.Security.Cryptography;
using System.Text.Json;
using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Integrations;

/// <summary>
/// What one poll may make oO store, and how to tell that a source has not changed. Plain functions, so
/// they are tested without a silo.
/// </summary>
public static class TaskListLimits
{
    /// <summary>
    /// The tasks to keep: at most <paramref name="maxTasks"/> (the ones due soonest, then the most urgent,
    /// in the source's order), titles cut to <paramref name="maxTitleLength"/> characters; the rest are counted.
    /// </summary>
    public static (IReadOnlyList<SourceTask> Kept, int Omitted) Apply(IReadOnlyList<SourceTask> tasks, int maxTasks, int maxTitleLength)
    {
        IEnumerable<SourceTask> kept = tasks;
        if (tasks.Count > maxTasks)
        {
            var chosen = tasks
                .Select((task, index) => (task, index))
                .OrderBy(t => t.task.DueDate ?? DateOnly.MaxValue)
                .ThenByDescending(t => t.task.Priority)
                .ThenBy(t => t.index)
                .Take(maxTasks)
                .Select(t => t.index)
                .ToHashSet();
            kept = tasks.Where((_, index) => chosen.Contains(index));
        }

        IReadOnlyList<SourceTask> result = [.. kept.Select(t => t.Content.Length > maxTitleLength ? t with { Content = Truncate(t.Content, maxTitleLength) } : t)];
        return (result, tasks.Count - result.Count);
    }

    /// <summary>A fingerprint of a snapshot's content (not its version or time): equal content, equal hash.</summary>
    public static string Hash(IReadOnlyList<SourceTask> tasks, int omitted) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { tasks, omitted })));

    private static string Truncate(string content, int maxLength)
    {
        // Never split a surrogate pair; end with an ellipsis so the cut is visible.
        var cut = maxLength - 1;
        if (char.IsHighSurrogate(content[cut - 1]))
        {
            cut--;
        }

        return string.Concat(content.AsSpan(0, cut), "…");
    }
}
