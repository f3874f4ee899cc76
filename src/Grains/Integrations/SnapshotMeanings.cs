using System.Security.Cryptography;
using System.Text;
using OO.Grains.Interfaces.Tasks;
using OO.Learning.Meaning;

namespace OO.Grains.Integrations;

/// <summary>
/// Which task texts of a snapshot need the meaning engine, and the snapshot with every meaning that is known.
/// Meanings are remembered by a short hash of the text (not the text), so an unchanged title is never embedded
/// twice and a changed one always is. Plain functions, so they are tested without a silo.
/// </summary>
public static class SnapshotMeanings
{
    /// <summary>What the engine reads of a task: its title (the sources oO has today report nothing else about it).</summary>
    public static string Text(SourceTask task) => task.Content;

    /// <summary>The remembered key of <paramref name="text"/>: 64 bits of its SHA-256, in hex.</summary>
    public static string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));

    /// <summary>The distinct texts of <paramref name="tasks"/> with no meaning in <paramref name="known"/>, in first-seen order.</summary>
    public static List<string> Missing(IReadOnlyList<SourceTask> tasks, IReadOnlyDictionary<string, ulong> known) =>
        [.. tasks.Select(Text).Distinct(StringComparer.Ordinal).Where(text => !known.ContainsKey(Key(text)))];

    /// <summary>
    /// <paramref name="tasks"/> with the meaning of each text from <paramref name="known"/> or <paramref name="fresh"/>
    /// (<see cref="MeaningCode.Unknown"/> where neither has it), and what to remember for the next sync: the
    /// non-zero meanings of these tasks only, so the memory never outgrows the snapshot.
    /// </summary>
    public static (IReadOnlyList<SourceTask> Tasks, Dictionary<string, ulong> Remembered) Apply(
        IReadOnlyList<SourceTask> tasks, IReadOnlyDictionary<string, ulong> known, IReadOnlyDictionary<string, ulong> fresh)
    {
        var remembered = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var result = new List<SourceTask>(tasks.Count);
        foreach (var task in tasks)
        {
            var key = Key(Text(task));
            var meaning = known.TryGetValue(key, out var old) ? old : fresh.GetValueOrDefault(key, MeaningCode.Unknown);
            if (meaning != MeaningCode.Unknown)
            {
                remembered[key] = meaning;
            }

            result.Add(task.Meaning == meaning ? task : task with { Meaning = meaning });
        }

        return (result, remembered);
    }
}
