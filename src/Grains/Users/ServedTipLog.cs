namespace OO.Grains.Users;

/// <summary>The served-tip log's rules: bounded, newest last, and the last entry is the current tip while it lasts.</summary>
public static class ServedTipLog
{
    /// <summary>Appends <paramref name="served"/> and drops the oldest entries beyond <paramref name="capacity"/>.</summary>
    public static void Append(List<ServedTip> log, ServedTip served, int capacity)
    {
        log.Add(served);
        if (log.Count > capacity)
        {
            log.RemoveRange(0, log.Count - capacity);
        }
    }

    /// <summary>The current tip: the last one served, unreacted, unexpired, and still open in its source; otherwise null.</summary>
    public static ServedTip? Current(IReadOnlyList<ServedTip> log, IReadOnlyDictionary<string, SourceTasks> sources, DateTimeOffset now) =>
        log.Count > 0 && log[^1] is { HasOutcome: false } last && last.Tip.ExpiresAt > now
            && sources.TryGetValue(last.Tip.Source, out var source)
            && source.Tasks.Contains(last.Tip.SourceRef)
            ? last
            : null;
}
