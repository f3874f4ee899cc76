using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OO.Admin.Data;
using OO.Admin.Operations.Integrations;
using OO.Grains.Interfaces.Events;
using OO.Learning.Features;
using OO.Learning.Logging;
using OO.Learning.Meaning;

namespace OO.Admin.Operations.DataQuality;

/// <summary>Computes the data-quality page from the explainability log, the integration grains, the users directory and the event log.</summary>
public sealed class DataQualityQuery(IAdminDatabase database, IntegrationSurvey integrations, TimeProvider time, IServiceProvider services)
{
    /// <summary>Decisions read for the feature check, newest first.</summary>
    public const int DecisionsRead = 2000;

    /// <summary>Days of the completeness heatmap, ending today (UTC).</summary>
    public const int Days = 14;

    public async Task<DataQualityReport> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var notComputed = new List<string>
        {
            "Stale tokens apart from reconnection: a source reports only that the provider no longer accepts oO's access (needs reconnection); "
            + "how old a token is, is not stored.",
        };
        var features = await FeaturesAsync(cancellationToken);
        IntegrationHealth? survey = null;
        string? surveyProblem = null;
        try
        {
            survey = await integrations.SurveyAsync(cancellationToken);
        }
        catch (Exception error) when (error is DbException or TimeoutException or OrleansException)
        {
            surveyProblem = error.Message;
        }

        IReadOnlyDictionary<string, int>? failureEvents = null;
        if (services.GetService<IEventLog>() is { } log)
        {
            var failed = await log.QueryAsync(new EventFilter(EventSubjects.IntegrationFailed, Since: now.AddDays(-7), Limit: 1000), cancellationToken);
            failureEvents = failed.GroupBy(e => Reason(e.PayloadJson)).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());
        }
        else
        {
            notComputed.Add("Sync failures over time: this host has no event log, and no table keeps past sync failures; "
                + "only each source's latest fault (from its integration grain) is known.");
        }

        var (sources, days) = await CompletenessAsync(DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        return new DataQualityReport(now, features, survey, surveyProblem, failureEvents, sources, days, notComputed);
    }

    private async Task<FeatureQuality> FeaturesAsync(CancellationToken cancellationToken)
    {
        int decisions = 0, unreadable = 0, rebuilt = 0, candidates = 0, wrongLength = 0, notFinite = 0, meaningMissing = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CAST(decision_json AS TEXT) FROM oo_served_tips ORDER BY served_at DESC LIMIT @limit";
        AdminSql.Add(command, "limit", DecisionsRead);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions++;
            var entry = DecisionLogEntry.TryParse(AdminSql.Text(reader, 0));
            if (entry is null)
            {
                unreadable++;
                continue;
            }

            rebuilt += entry.Rebuilt ? 1 : 0;
            var expected = entry.FeatureNames.Count > 0 ? entry.FeatureNames.Count : FeatureRegistry.Dimension;
            foreach (var candidate in entry.Candidates)
            {
                candidates++;
                var values = candidate.Features;
                if (values.Length != expected)
                {
                    wrongLength++;
                }
                else if (values.Any(v => !double.IsFinite(v)))
                {
                    notFinite++;
                }
                else if (values.Length >= FeatureRegistry.MeaningOffset + MeaningCode.Dimensions
                    && values.AsSpan(FeatureRegistry.MeaningOffset, MeaningCode.Dimensions).IndexOfAnyExcept(0.0) < 0)
                {
                    meaningMissing++;
                }
            }
        }

        return new FeatureQuality(decisions, unreadable, rebuilt, candidates, wrongLength, notFinite, meaningMissing);
    }

    private async Task<(IReadOnlyList<string> Sources, IReadOnlyList<CompletenessDay> Days)> CompletenessAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var sql = new AdminSql(database.Engine);
        var first = today.AddDays(-(Days - 1));
        await using var connection = await database.OpenAsync(cancellationToken);
        var connectedSince = new List<(string Source, DateOnly Day)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT source, {sql.Day("first_connected_at")} FROM oo_user_sources WHERE connected = 1";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                connectedSince.Add((AdminSql.Text(reader, 0)!, DateOnly.ParseExact(AdminSql.Text(reader, 1)!, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }

        var served = new Dictionary<(string Source, DateOnly Day), long>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT s.source, {sql.Day("s.served_at")} AS day, count(DISTINCT s.user_id)
                FROM oo_served_tips s JOIN oo_user_sources u ON u.user_id = s.user_id AND u.source = s.source AND u.connected = 1
                WHERE s.served_at >= @from
                GROUP BY s.source, {sql.Day("s.served_at")}
                """;
            sql.AddInstant(command, "from", new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                served[(AdminSql.Text(reader, 0)!, DateOnly.ParseExact(AdminSql.Text(reader, 1)!, "yyyy-MM-dd", CultureInfo.InvariantCulture))] = AdminSql.Long(reader, 2);
            }
        }

        var sources = connectedSince.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal).ToList();
        var days = Enumerable.Range(0, Days).Select(i => first.AddDays(i)).Select(day => new CompletenessDay(
            day,
            [.. sources.Select(source =>
            {
                var connected = connectedSince.Count(c => c.Source == source && c.Day <= day);
                return connected == 0 ? (double?)null : Math.Min(1.0, (double)served.GetValueOrDefault((source, day)) / connected);
            })])).ToList();
        return (sources, days);
    }

    private static string Reason(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            foreach (var name in new[] { "reason", "error", "kind" })
            {
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
        }

        return "unspecified";
    }
}
