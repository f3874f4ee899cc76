using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using OO.Learning.Evaluation;
using OO.Learning.Features;
using OO.Learning.Logging;
using OO.Tools.Cli;

namespace OO.Tools.Data;

/// <summary>
/// Reads oO's explainability log (oo_served_tips joined to oo_rewards) into <see cref="LoggedEvent"/>s.
/// It lives here, not in OO.Learning, to keep the database drivers out of the pure library.
/// <list type="bullet">
/// <item>A served tip without a reward row is skipped ("unrewarded"), not counted as 0: its reaction may simply not
/// have arrived yet.</item>
/// <item>A tip with several reward rows uses the earliest (by reacted_at).</item>
/// <item>The propensity is the served row's column, or decision_json's when the column is null.</item>
/// <item>Entries name their feature layout (<see cref="DecisionLogEntry.FeatureNames"/>). One layout is read: by default
/// oO's current one (<see cref="FeatureRegistry.Names"/>), or with <c>first</c> the one the first usable entry names
/// (e.g. to evaluate rows logged under layout 1). Entries naming another layout are skipped
/// ("other_feature_layout"); an entry whose names do not match its vectors' length is "invalid_decision".</item>
/// <item>Entries without names are checked by length: vectors that differ in length from the first usable event are
/// skipped ("dimension_mismatch").</item>
/// </list>
/// </summary>
internal static class OoLogReader
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string CurrentLayout = "current";
    public const string FirstLayout = "first";

    // CAST(... AS TEXT) reads decision_json the same way whether the column is TEXT (SQLite) or jsonb (PostgreSQL).
    private const string Query = """
        SELECT s.tip_id, s.propensity, CAST(s.decision_json AS TEXT), r.reward
        FROM oo_served_tips s
        LEFT JOIN oo_rewards r ON r.tip_id = s.tip_id AND r.user_id = s.user_id
        ORDER BY s.served_at, s.tip_id, r.reacted_at
        """;

    /// <summary>The usable events and the feature names they were logged with (null when the entries name none).</summary>
    public static (LoggedDataset Log, IReadOnlyList<string>? FeatureNames) Load(string provider, string connectionString, int? maxEvents = null, string layout = CurrentLayout)
    {
        IReadOnlyList<string>? names = layout == CurrentLayout ? FeatureRegistry.Names : null;
        var namesSeen = false;
        var skipped = new Dictionary<string, int>();
        var events = new List<LoggedEvent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dimension = 0;
        try
        {
            using var connection = Open(provider, connectionString);
            using var command = connection.CreateCommand();
            command.CommandText = Query;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var tipId = Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? string.Empty;
                if (!seen.Add(tipId))
                {
                    continue;
                }

                if (maxEvents is { } max && events.Count >= max)
                {
                    break;
                }

                if (reader.IsDBNull(3))
                {
                    Count(skipped, "unrewarded");
                    continue;
                }

                var reward = Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture);
                double? propensity = reader.IsDBNull(1) ? null : Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture);
                var json = reader.IsDBNull(2) ? null : reader.GetString(2);
                if (!TryParseDecision(json, propensity, out var contexts, out var chosen, out var p, out var logged))
                {
                    Count(skipped, "invalid_decision");
                    continue;
                }

                if (logged is { Count: > 0 })
                {
                    if (logged.Count != contexts[0].Length)
                    {
                        Count(skipped, "invalid_decision");
                        continue;
                    }

                    names ??= logged;
                    if (!logged.SequenceEqual(names, StringComparer.Ordinal))
                    {
                        Count(skipped, "other_feature_layout");
                        continue;
                    }

                    namesSeen = true;
                }

                if (!(p > 0) || p > 1)
                {
                    Count(skipped, "invalid_propensity");
                    continue;
                }

                dimension = dimension == 0 ? contexts[0].Length : dimension;
                if (contexts.Any(c => c.Length != dimension))
                {
                    Count(skipped, "dimension_mismatch");
                    continue;
                }

                events.Add(new LoggedEvent(contexts, chosen, p, reward));
            }
        }
        catch (DbException e)
        {
            throw new UsageException($"Could not read the explainability log ({provider}): {e.Message}");
        }

        return (new LoggedDataset(events, Math.Max(dimension, 1), skipped), namesSeen ? names : null);
    }

    private static DbConnection Open(string provider, string connectionString)
    {
        DbConnection connection;
        try
        {
            connection = provider switch
            {
                // Read-only: evaluating must never create an empty database where a path was mistyped.
                Sqlite => new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString()),
                Postgres => new NpgsqlConnection(connectionString),
                _ => throw new UsageException($"Unknown --provider '{provider}'; use {Sqlite} or {Postgres}."),
            };
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"The connection string is not valid for {provider}: {e.Message}");
        }

        connection.Open();
        return connection;
    }

    private static bool TryParseDecision(
        string? json, double? columnPropensity, out double[][] contexts, out int chosen, out double propensity, out IReadOnlyList<string>? names)
    {
        var entry = DecisionLogEntry.TryParse(json);
        names = entry?.FeatureNames;
        contexts = entry is null ? [] : [.. entry.Candidates.Select(c => c.Features)];
        chosen = entry?.ChosenIndex ?? -1;
        propensity = columnPropensity ?? entry?.Propensity ?? double.NaN;
        return entry is not null;
    }

    private static void Count(Dictionary<string, int> skipped, string reason) =>
        skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
}
