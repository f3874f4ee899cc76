using System.Security.Cryptography;
using System.Text.Json;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Sources;

namespace OO.Grains.Integrations;

/// <summary>Keeps a calendar's events across incremental polls: a complete listing replaces them, a change set is applied to them.</summary>
public static class CalendarEntryMerge
{
    /// <summary>
    /// The events to keep after <paramref name="poll"/>: those not yet ended at <paramref name="now"/>, earliest first,
    /// at most <paramref name="max"/> (the source's next complete listing heals what the bound dropped).
    /// </summary>
    public static List<CalendarEntry> Apply(IReadOnlyList<CalendarEntry> kept, SourcePoll poll, DateTimeOffset now, int max)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(poll);
        var byRef = poll.EntriesComplete
            ? new Dictionary<string, CalendarEntry>(StringComparer.Ordinal)
            : kept.ToDictionary(e => e.SourceRef, StringComparer.Ordinal);
        if (!poll.EntriesComplete)
        {
            foreach (var removed in poll.RemovedEntries)
            {
                byRef.Remove(removed);
            }
        }

        foreach (var entry in poll.Entries)
        {
            byRef[entry.SourceRef] = entry;
        }

        return [.. byRef.Values.Where(e => e.End > now).OrderBy(e => e.Start).ThenBy(e => e.SourceRef, StringComparer.Ordinal).Take(max)];
    }

    /// <summary>A fingerprint of the events, to tell an unchanged calendar from a changed one.</summary>
    public static string Hash(IReadOnlyList<CalendarEntry> entries) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(entries)));
}
