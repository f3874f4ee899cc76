using System.Globalization;
using System.Text.Json;
using OO.Api.Admin;
using OO.Silo.Storage;

namespace OO.Silo.Analytics;

/// <summary>
/// Reads <c>GET /api/admin/ai</c> from oo_generations, oo_served_tips and oo_rewards, on SQLite or PostgreSQL. The
/// database groups; only the gate's rejections, kept as a JSON object per generation, are summed here (rows with the
/// same JSON are grouped first, so there are few).
/// </summary>
public sealed class AiReportReader(Database database) : IAiReport
{
    private const string GenerationsQuery = """
        SELECT model, prompt_version, outcome, rejections_json, COUNT(*), SUM(candidates)
        FROM oo_generations
        GROUP BY model, prompt_version, outcome, rejections_json
        """;

    private const string ShownQuery = """
        SELECT s.model, s.prompt_version, r.reaction, COUNT(*)
        FROM oo_served_tips s
        LEFT JOIN oo_rewards r ON r.tip_id = s.tip_id AND r.user_id = s.user_id
        WHERE s.model IS NOT NULL
        GROUP BY s.model, s.prompt_version, r.reaction
        """;

    public async Task<AiReport> ReadAsync(CancellationToken cancellationToken)
    {
        var variants = new SortedDictionary<(string Model, string PromptVersion), Variant>(Comparer<(string, string)>.Create(
            (a, b) => string.CompareOrdinal(a.Item1, b.Item1) is var c and not 0 ? c : string.CompareOrdinal(a.Item2, b.Item2)));
        Variant Of(string model, string prompt) =>
            variants.TryGetValue((model, prompt), out var v) ? v : variants[(model, prompt)] = new Variant();

        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = GenerationsQuery;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var variant = Of(reader.GetString(0), reader.GetString(1));
                var count = Int(reader.GetValue(4));
                variant.Generations += count;
                Add(variant.Outcomes, reader.GetString(2), count);
                variant.Candidates += reader.IsDBNull(5) ? 0 : Int(reader.GetValue(5));
                foreach (var (reason, rejected) in Rejections(reader.GetString(3)))
                {
                    Add(variant.Rejected, reason, rejected * count);
                }
            }
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = ShownQuery;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var variant = Of(reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1));
                var count = Int(reader.GetValue(3));
                variant.Shown += count;
                if (!reader.IsDBNull(2))
                {
                    Add(variant.Reactions, reader.GetString(2), count);
                }
            }
        }

        return new AiReport([.. variants.Select(v => new AiVariantReport(
            v.Key.Model, v.Key.PromptVersion, v.Value.Generations, v.Value.Outcomes, v.Value.Candidates, v.Value.Rejected, v.Value.Shown, v.Value.Reactions))]);
    }

    private static Dictionary<string, int> Rejections(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    private static void Add(Dictionary<string, int> counts, string key, int count) => counts[key] = counts.GetValueOrDefault(key) + count;

    private sealed class Variant
    {
        public int Generations { get; set; }

        public int Candidates { get; set; }

        public int Shown { get; set; }

        public Dictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Rejected { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Reactions { get; } = new(StringComparer.Ordinal);
    }
}
