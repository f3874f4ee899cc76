using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Users;

/// <summary>What a user could be shown now: every source's open tasks, minus the ones kept out of view.</summary>
public static class CandidatePool
{
    /// <summary>The key of a candidate in the hidden list and the explainability log: <c>{source}:{sourceRef}</c>.</summary>
    public static string Key(string source, string sourceRef) => $"{source}:{sourceRef}";

    /// <summary>The open candidates in a stable order (source, then task), so a seeded choice is reproducible.</summary>
    public static List<(string Source, SourceTask Task)> Open(
        IReadOnlyDictionary<string, SourceTasks> sources, IReadOnlyDictionary<string, DateTimeOffset> hiddenUntil, DateTimeOffset now) =>
        sources
            .SelectMany(s => s.Value.Tasks.Select(t => (Source: s.Key, Task: t)))
            .Where(c => !hiddenUntil.TryGetValue(Key(c.Source, c.Task.SourceRef), out var until) || until <= now)
            .OrderBy(c => c.Source, StringComparer.Ordinal)
            .ThenBy(c => c.Task.SourceRef, StringComparer.Ordinal)
            .ToList();
}
