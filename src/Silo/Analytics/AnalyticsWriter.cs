using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OO.Grains.Analytics;
using OO.Silo.Configuration;
using OO.Silo.Storage;

namespace OO.Silo.Analytics;

/// <summary>
/// Writes analytics rows in batches on a background loop. A failed batch is kept and retried, and the
/// queue is drained on shutdown (this service stops after the silo, so deactivating grains still log).
/// Audit rows and erasures go through the same queue, so they apply in order after what came before them.
/// </summary>
public sealed partial class AnalyticsWriter(
    Database database,
    IOptions<AnalyticsOptions> options,
    TimeProvider time,
    ILogger<AnalyticsWriter> logger) : BackgroundService, IAnalyticsSink
{
    private readonly Channel<Command> _queue = Channel.CreateUnbounded<Command>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AnalyticsOptions _options = options.Value;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    void IAnalyticsSink.Served(ServedTipRecord record) => _queue.Writer.TryWrite(new Command.Served(record));

    void IAnalyticsSink.Rewarded(RewardRecord record) => _queue.Writer.TryWrite(new Command.Rewarded(record));

    Task IAnalyticsSink.AuditAsync(AuditRecord record, CancellationToken cancellationToken) =>
        Acknowledged(new Command.Audit(record, NewCompletion()), cancellationToken);

    Task IAnalyticsSink.EraseUserAsync(string userId, CancellationToken cancellationToken) =>
        Acknowledged(new Command.Erase(userId, NewCompletion()), cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Command>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(_options.FlushDelay, time, stoppingToken);
                await Drain(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Shutting down: whatever is queued is written before the process goes.
        _queue.Writer.TryComplete();
        await Drain(batch, CancellationToken.None);
    }

    private async Task Drain(List<Command> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var command))
            {
                batch.Add(command);
            }

            if (batch.Count == 0)
            {
                await SweepIfDue(cancellationToken);
                return;
            }

            var delay = TimeSpan.FromSeconds(1);
            while (true)
            {
                try
                {
                    await Write(batch, cancellationToken);
                    break;
                }
                catch (DbException error) when (!cancellationToken.IsCancellationRequested)
                {
                    LogWriteFailed(logger, error, batch.Count, delay.TotalSeconds);
                    await Task.Delay(delay, time, cancellationToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
                }
            }

            foreach (var done in batch.OfType<IAcknowledged>())
            {
                done.Completion.TrySetResult();
            }

            batch.Clear();
        }
    }

    private async Task Write(List<Command> batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var command in batch)
        {
            await using var sql = connection.CreateCommand();
            sql.Transaction = transaction;
            Describe(sql, command);
            await sql.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private void Describe(DbCommand sql, Command command)
    {
        switch (command)
        {
            case Command.Served { Record: var r }:
                sql.CommandText = """
                    INSERT INTO oo_served_tips (tip_id, user_id, served_at, policy, source, source_ref, propensity, latency_us, decision_json)
                    VALUES (@tip, @user, @at, @policy, @source, @ref, @propensity, @latency, @decision)
                    ON CONFLICT (tip_id) DO NOTHING
                    """;
                Add(sql, "tip", r.TipId);
                Add(sql, "user", r.UserId);
                Add(sql, "at", Timestamp(r.ServedAt));
                Add(sql, "policy", r.Policy);
                Add(sql, "source", r.Source);
                Add(sql, "ref", r.SourceRef);
                Add(sql, "propensity", r.Propensity);
                Add(sql, "latency", r.LatencyMicroseconds);
                Add(sql, "decision", r.DecisionJson);
                break;
            case Command.Rewarded { Record: var r }:
                sql.CommandText = """
                    INSERT INTO oo_rewards (tip_id, user_id, reacted_at, reaction, dwell_ms, reward)
                    VALUES (@tip, @user, @at, @reaction, @dwell, @reward)
                    ON CONFLICT (tip_id) DO NOTHING
                    """;
                Add(sql, "tip", r.TipId);
                Add(sql, "user", r.UserId);
                Add(sql, "at", Timestamp(r.ReactedAt));
                Add(sql, "reaction", r.Reaction);
                Add(sql, "dwell", r.DwellMs);
                Add(sql, "reward", r.Reward);
                break;
            case Command.Audit { Record: var r }:
                sql.CommandText = "INSERT INTO oo_audit (at, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail)";
                Add(sql, "at", Timestamp(r.At));
                Add(sql, "actor", r.Actor);
                Add(sql, "action", r.Action);
                Add(sql, "target", r.Target);
                Add(sql, "detail", r.Detail);
                break;
            case Command.Erase { UserId: var user }:
                sql.CommandText = """
                    DELETE FROM oo_served_tips WHERE user_id = @user;
                    DELETE FROM oo_rewards WHERE user_id = @user;
                    DELETE FROM oo_audit WHERE target = @user;
                    """;
                Add(sql, "user", user);
                break;
        }
    }

    private async Task SweepIfDue(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + _options.RetentionSweepEvery;
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var sql = connection.CreateCommand();
            sql.CommandText = """
                DELETE FROM oo_served_tips WHERE served_at < @cutoff;
                DELETE FROM oo_rewards WHERE reacted_at < @cutoff;
                """;
            Add(sql, "cutoff", Timestamp(now - _options.Retention));
            await sql.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException error)
        {
            LogSweepFailed(logger, error);
        }
    }

    // SQLite keeps instants as ISO-8601 text in UTC, which sorts and compares correctly as text.
    private object Timestamp(DateTimeOffset at) =>
        database.Engine == StorageProvider.Sqlite ? at.ToUniversalTime().ToString("O") : at.ToUniversalTime();

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private async Task Acknowledged(Command command, CancellationToken cancellationToken)
    {
        if (!_queue.Writer.TryWrite(command))
        {
            throw new InvalidOperationException("The analytics writer has stopped.");
        }

        await ((IAcknowledged)command).Completion.Task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private interface IAcknowledged
    {
        TaskCompletionSource Completion { get; }
    }

    private abstract record Command
    {
        public sealed record Served(ServedTipRecord Record) : Command;

        public sealed record Rewarded(RewardRecord Record) : Command;

        public sealed record Audit(AuditRecord Record, TaskCompletionSource Completion) : Command, IAcknowledged;

        public sealed record Erase(string UserId, TaskCompletionSource Completion) : Command, IAcknowledged;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} analytics rows failed; retrying in {DelaySeconds} s")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enforcing analytics retention failed; it is retried at the next sweep")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
