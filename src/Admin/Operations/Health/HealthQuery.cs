using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OO.Admin.Data;
using OO.Admin.Operations.Integrations;
using OO.Grains.Interfaces.Events;

namespace OO.Admin.Operations.Health;

/// <summary>Reads every part of the health page; a part that fails is reported as such and does not hide the others.</summary>
public sealed class HealthQuery(
    IAdminDatabase database,
    IGrainFactory grains,
    IntegrationSurvey integrations,
    MeterTally tally,
    TimeProvider time,
    IServiceProvider services)
{
    public async Task<HealthReport> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cluster = ClusterAsync();
        var db = DatabaseAsync(cancellationToken);
        var events = EventLogAsync(now, cancellationToken);
        var push = PushAsync(now, cancellationToken);
        var analytics = AnalyticsAsync(now, cancellationToken);
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

        return new HealthReport(now, await cluster, await db, await events, await push, survey, surveyProblem, await analytics);
    }

    private async Task<ClusterHealth> ClusterAsync()
    {
        try
        {
            var management = grains.GetGrain<IManagementGrain>(0);
            var hosts = await management.GetDetailedHosts(onlyActive: false);
            var activations = await management.GetTotalActivationCount();
            return new ClusterHealth(
                [.. hosts.OrderBy(h => h.SiloAddress.ToString(), StringComparer.Ordinal).Select(h => new SiloHealth(
                    h.SiloAddress.ToString(), h.SiloName ?? "", h.Status.ToString(), Utc(h.StartTime), Utc(h.IAmAliveTime)))],
                activations,
                null);
        }
        catch (Exception error) when (error is TimeoutException or OrleansException)
        {
            return new ClusterHealth([], null, error.Message);
        }
    }

    private async Task<DatabaseHealth> DatabaseAsync(CancellationToken cancellationToken)
    {
        var engine = database.Engine == AdminEngine.Sqlite ? "SQLite" : "PostgreSQL";
        var watch = Stopwatch.StartNew();
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return new DatabaseHealth(engine, true, watch.Elapsed.TotalMilliseconds, null);
        }
        catch (DbException error)
        {
            return new DatabaseHealth(engine, false, null, error.Message);
        }
    }

    private async Task<EventLogHealth> EventLogAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (services.GetService<IEventLog>() is not { } log)
        {
            return new EventLogHealth(false, null, null, "This host has no event log.");
        }

        try
        {
            var newest = await log.QueryAsync(new EventFilter(Limit: 1), cancellationToken);
            var lastHour = await log.QueryAsync(new EventFilter(Since: now.AddHours(-1), Limit: 1000), cancellationToken);
            return new EventLogHealth(true, newest.FirstOrDefault()?.At, lastHour.Count, null);
        }
        catch (Exception error) when (error is DbException or TimeoutException or OrleansException or InvalidOperationException)
        {
            return new EventLogHealth(true, null, null, error.Message);
        }
    }

    private async Task<PushHealth> PushAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deliveries = tally.Of("oo.push.deliveries");
        try
        {
            var logged = await CountsAsync("SELECT outcome, count(*) FROM oo_push_log WHERE at >= @since GROUP BY outcome", now.AddDays(-1), cancellationToken);
            return new PushHealth(tally.Since, deliveries, logged, null);
        }
        catch (DbException error)
        {
            return new PushHealth(tally.Since, deliveries, new Dictionary<string, long>(), error.Message);
        }
    }

    private async Task<AnalyticsHealth> AnalyticsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queue = services.GetService<IAnalyticsQueue>();
        var dropped = tally.Of("oo.analytics.dropped");
        var parked = tally.Of("oo.analytics.dead_letters");
        try
        {
            var last24 = await CountsAsync("SELECT kind, count(*) FROM oo_dead_letters WHERE at >= @since GROUP BY kind", now.AddDays(-1), cancellationToken);
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, at, kind, error, (SELECT count(*) FROM oo_dead_letters) FROM oo_dead_letters ORDER BY id DESC LIMIT 5";
            var newest = new List<DeadLetterView>();
            var stored = 0L;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    newest.Add(new DeadLetterView(AdminSql.Long(reader, 0), AdminSql.Instant(reader, 1)!.Value, AdminSql.Text(reader, 2)!, AdminSql.Text(reader, 3)!));
                    stored = AdminSql.Long(reader, 4);
                }
            }

            return new AnalyticsHealth(queue?.QueuedRows, queue?.Capacity, dropped, parked, last24, stored, newest, null);
        }
        catch (DbException error)
        {
            return new AnalyticsHealth(queue?.QueuedRows, queue?.Capacity, dropped, parked, new Dictionary<string, long>(), 0, [], error.Message);
        }
    }

    private async Task<IReadOnlyDictionary<string, long>> CountsAsync(string sql, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        new AdminSql(database.Engine).AddInstant(command, "since", since);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[AdminSql.Text(reader, 0)!] = AdminSql.Long(reader, 1);
        }

        return counts;
    }

    private static DateTimeOffset? Utc(DateTime at) => at == default ? null : new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
