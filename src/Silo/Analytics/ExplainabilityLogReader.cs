using System.Globalization;
using OO.Api.Admin;
using OO.Learning.Evaluation;
using OO.Learning.Logging;
using OO.Silo.Storage;

namespace OO.Silo.Analytics;

/// <summary>
/// Reads the most recent rewarded decisions of oO's explainability log (oo_served_tips joined to oo_rewards) for the
/// policies endpoint, on SQLite or PostgreSQL. Only rewarded tips count (an unrewarded one may still get its
/// reaction). Left out, and counted: rows whose decision cannot be read ("invalid_decision"), rows rewritten after
/// a crash that know only the chosen candidate ("rebuilt": they would make every policy look certain), rows with an
/// impossible propensity, and rows of an older feature layout than the newest row ("dimension_mismatch").
/// </summary>
public sealed class ExplainabilityLogReader(Database database) : IExplainabilityLog
{
    // CAST(... AS TEXT) reads decision_json alike whether the column is TEXT (SQLite) or jsonb (PostgreSQL).
    // oo_rewards is keyed by tip_id, so the join gives at most one reward per tip.
    private const string Query = """
        SELECT s.propensity, CAST(s.decision_json AS TEXT), r.reward
        FROM oo_served_tips s
        JOIN oo_rewards r ON r.tip_id = s.tip_id AND r.user_id = s.user_id
        ORDER BY s.served_at DESC, s.tip_id DESC
        LIMIT @limit
        """;

    public async Task<LoggedDataset> ReadRecentAsync(int maxEvents, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var newestFirst = new List<LoggedEvent>();
        var dimension = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Query;
        AnalyticsCommand.Add(command, "limit", maxEvents);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = DecisionLogEntry.TryParse(reader.IsDBNull(1) ? null : reader.GetString(1));
            if (entry is null)
            {
                Count(skipped, "invalid_decision");
                continue;
            }

            if (entry.Rebuilt)
            {
                Count(skipped, "rebuilt");
                continue;
            }

            var propensity = reader.IsDBNull(0) ? entry.Propensity : Convert.ToDouble(reader.GetValue(0), CultureInfo.InvariantCulture);
            if (!(propensity > 0) || propensity > 1)
            {
                Count(skipped, "invalid_propensity");
                continue;
            }

            var contexts = entry.Candidates.Select(c => c.Features).ToArray();
            dimension = dimension == 0 ? contexts[0].Length : dimension;
            if (contexts.Any(c => c.Length != dimension))
            {
                Count(skipped, "dimension_mismatch");
                continue;
            }

            var reward = Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture);
            newestFirst.Add(new LoggedEvent(contexts, entry.ChosenIndex, propensity, reward));
        }

        newestFirst.Reverse();
        return new LoggedDataset(newestFirst, Math.Max(dimension, 1), skipped);
    }

    private static void Count(Dictionary<string, int> skipped, string reason) =>
        skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
}
