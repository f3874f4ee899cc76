using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OO.Grains.Interfaces.Ai;

namespace OO.Grains.Ai;

/// <summary>
/// The user message a model is sent: the <see cref="TipContext"/> as compact, deterministic JSON (same context,
/// same bytes, same hash). Task refs are replaced by short aliases (<c>t1</c>, <c>t2</c>, …) so no source's ids
/// leave the process; <see cref="Refs"/> maps them back. Titles go as the user grain gave them.
/// </summary>
public sealed class PromptContext
{
    private PromptContext(string json, IReadOnlyDictionary<string, string> refs)
    {
        Json = json;
        Refs = refs;
        var bytes = Encoding.UTF8.GetBytes(json);
        Bytes = bytes.Length;
        Hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>The JSON that is sent.</summary>
    public string Json { get; }

    /// <summary>Alias → the task's real <see cref="ContextTask.SourceRef"/>.</summary>
    public IReadOnlyDictionary<string, string> Refs { get; }

    /// <summary>The SHA-256 of <see cref="Json"/>'s UTF-8 bytes, lower-case hex: what the log keeps instead of the text.</summary>
    public string Hash { get; }

    /// <summary>The UTF-8 size of <see cref="Json"/> in bytes.</summary>
    public int Bytes { get; }

    /// <summary>Builds the message for a generation of at most <paramref name="maxTips"/> tips.</summary>
    public static PromptContext Build(TipContext context, int maxTips)
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps titles readable to the model; the JSON never reaches a web page.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("localTime", context.LocalNow.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            json.WriteString("weekday", context.LocalNow.DayOfWeek.ToString());
            json.WriteStartArray("tasks");
            foreach (var task in context.Tasks)
            {
                var alias = $"t{refs.Count + 1}";
                refs[alias] = task.SourceRef;
                json.WriteStartObject();
                json.WriteString("ref", alias);
                json.WriteString("title", task.Title);
                json.WriteBoolean("overdue", task.Overdue);
                json.WriteBoolean("dueToday", task.DueToday);
                json.WriteNumber("priority", task.Priority);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("reactions");
            json.WriteNumber("done", context.Reactions.Done);
            json.WriteNumber("snoozed", context.Reactions.Snoozed);
            json.WriteNumber("dismissed", context.Reactions.Dismissed);
            json.WriteStartArray("doneByLocalHour");
            foreach (var count in context.Reactions.DoneByLocalHour)
            {
                json.WriteNumberValue(count);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("profile");
            foreach (var (name, value) in context.Profile.Where(static p => double.IsFinite(p.Value)).OrderBy(static p => p.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(name, Math.Round(value, 3));
            }

            json.WriteEndObject();
            json.WriteStartArray("existingTips");
            foreach (var existing in context.ExistingCandidates)
            {
                json.WriteStringValue(existing);
            }

            json.WriteEndArray();
            json.WriteNumber("maxTips", maxTips);
            json.WriteEndObject();
        }

        return new PromptContext(Encoding.UTF8.GetString(buffer.ToArray()), refs);
    }
}
