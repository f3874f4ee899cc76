using System.Data.Common;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OO.Grains.Analytics;
using OO.Silo.Configuration;
using OO.Silo.Storage;

namespace OO.Silo.Analytics;

/// <summary>
/// Writes analytics rows in batches on a background loop, in the order they were queued (so an erasure
/// applies after the rows queued before it). A batch that fails for the database's sake (connection,
/// timeout, lock) is retried with back-off; a batch the database refuses for a row's content is written
/// row by row, and each refused row is parked in <c>oo_dead_letters</c> with its error, so one bad row
/// never holds back the others. The queue is drained on shutdown (this service stops after the silo, so
/// deactivating grains still log).
/// </summary>
public sealed partial class AnalyticsWriter(
    Database database,
    IOptions<AnalyticsOptions> options,
    TimeProvider time,
    AnalyticsMetrics metrics,
    ILogger<AnalyticsWriter> logger) : BackgroundService, IAnalyticsSink
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(30);

    // Unbounded as a channel so that audit and erase commands are always accepted; the rows nobody waits
    // for are bounded by _queuedRows against QueueCapacity.
    private readonly Channel<Command> _queue = Channel.CreateUnbounded<Command>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AnalyticsOptions _options = options.Value;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;
    private int _queuedRows;
    private long _droppedRows;

    void IAnalyticsSink.Served(ServedTipRecord record) => Enqueue(new Command.Served(record));

    void IAnalyticsSink.Rewarded(RewardRecord record) => Enqueue(new Command.Rewarded(record));

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

    private void Enqueue(Command row)
    {
        if (Interlocked.Increment(ref _queuedRows) <= _options.QueueCapacity && _queue.Writer.TryWrite(row))
        {
            return;
        }

        Interlocked.Decrement(ref _queuedRows);
        metrics.Dropped(row.Kind);
        if (Interlocked.Increment(ref _droppedRows) == 1)
        {
            LogQueueFull(logger, _options.QueueCapacity);
        }
    }

    private async Task Acknowledged(Command command, CancellationToken cancellationToken)
    {
        if (!_queue.Writer.TryWrite(command))
        {
            throw new InvalidOperationException("The analytics writer has stopped.");
        }

        try
        {
            await ((IAcknowledged)command).Completion.Task.WaitAsync(_options.AcknowledgeTimeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogNotConfirmed(logger, command.Kind, _options.AcknowledgeTimeout.TotalSeconds);
            throw new TimeoutException(
                $"The analytics database did not confirm the {command.Kind} within {_options.AcknowledgeTimeout.TotalSeconds:0.#} s; it stays queued and is written when the database answers.");
        }
    }

    private async Task Drain(List<Command> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var command))
            {
                if (command is not IAcknowledged)
                {
                    Interlocked.Decrement(ref _queuedRows);
                }

                batch.Add(command);
            }

            if (batch.Count == 0)
            {
                await SweepIfDue(cancellationToken);
                return;
            }

            await WriteUntilDone(batch, cancellationToken);
            if (Interlocked.Exchange(ref _droppedRows, 0) is > 0 and var dropped)
            {
                LogQueueDrained(logger, dropped);
            }
        }
    }

    /// <summary>Writes <paramref name="batch"/>, emptying it; only cancellation ends this early.</summary>
    private async Task WriteUntilDone(List<Command> batch, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        while (batch.Count > 0)
        {
            try
            {
                try
                {
                    await WriteTogether(batch, cancellationToken);
                    foreach (var command in batch)
                    {
                        Succeeded(command);
                    }

                    batch.Clear();
                }
                catch (Exception error) when (AnalyticsErrors.IsPoison(error))
                {
                    LogWritingOneByOne(logger, batch.Count, error.GetType().Name);
                    await WriteOneByOne(batch, cancellationToken);
                }
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                LogWriteFailed(logger, error, batch.Count, delay.TotalSeconds);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetryDelay.Ticks));
            }
        }
    }

    private async Task WriteTogether(List<Command> batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var command in batch)
        {
            await ExecuteAsync(connection, transaction, command, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Each command in its own transaction; a refused one goes to the dead letters. Removes from
    /// <paramref name="batch"/> what is done, so a transient failure midway retries only the rest.
    /// </summary>
    private async Task WriteOneByOne(List<Command> batch, CancellationToken cancellationToken)
    {
        var done = 0;
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            foreach (var command in batch)
            {
                try
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    await ExecuteAsync(connection, transaction, command, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    Succeeded(command);
                }
                catch (Exception error) when (AnalyticsErrors.IsPoison(error))
                {
                    await DeadLetter(connection, command, error, cancellationToken);
                    Refused(command);
                }

                done++;
            }
        }
        finally
        {
            batch.RemoveRange(0, done);
        }
    }

    private async Task DeadLetter(DbConnection connection, Command command, Exception error, CancellationToken cancellationToken)
    {
        try
        {
            await InsertDeadLetter(connection, command, error, cancellationToken);
            metrics.DeadLettered(command.Kind);
            LogDeadLettered(logger, command.Kind, error.GetType().Name);
        }
        catch (Exception parkingError) when (AnalyticsErrors.IsPoison(parkingError))
        {
            // Not even its dead letter is accepted: holding it would block every row behind it.
            metrics.Dropped(command.Kind);
            LogNotParked(logger, command.Kind, error.GetType().Name, parkingError.GetType().Name);
        }
    }

    private async Task InsertDeadLetter(DbConnection connection, Command command, Exception error, CancellationToken cancellationToken)
    {
        await using var sql = connection.CreateCommand();
        sql.CommandText = "INSERT INTO oo_dead_letters (at, kind, user_id, payload_json, error) VALUES (@at, @kind, @user, @payload, @error)";
        Add(sql, "at", Timestamp(time.GetUtcNow()));
        Add(sql, "kind", command.Kind);
        Add(sql, "user", command.OwnerId);
        Add(sql, "payload", command.PayloadJson());
        // The message only: PostgreSQL's detail may quote the row's values.
        Add(sql, "error", $"{error.GetType().Name}: {error.Message}");
        await sql.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Succeeded(Command command)
    {
        if (command is IAcknowledged acknowledged)
        {
            acknowledged.Completion.TrySetResult();
        }
    }

    /// <summary>
    /// A refused audit row is accounted for in the dead letters, so its caller goes on; a refused erasure
    /// would leave the user's rows behind, so its caller hears of it.
    /// </summary>
    private static void Refused(Command command)
    {
        switch (command)
        {
            case Command.Audit audit:
                audit.Completion.TrySetResult();
                break;
            case Command.Erase erase:
                erase.Completion.TrySetException(new InvalidOperationException("The analytics database refused to erase the user's rows; see oo_dead_letters."));
                break;
        }
    }

    private async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, Command command, CancellationToken cancellationToken)
    {
        await using var sql = connection.CreateCommand();
        sql.Transaction = transaction;
        Describe(sql, command);
        await sql.ExecuteNonQueryAsync(cancellationToken);
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
                    DELETE FROM oo_dead_letters WHERE user_id = @user;
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
                DELETE FROM oo_dead_letters WHERE at < @cutoff;
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

    private static TaskCompletionSource NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private interface IAcknowledged
    {
        TaskCompletionSource Completion { get; }
    }

    private abstract record Command
    {
        /// <summary>Names the row in dead letters, metrics and logs.</summary>
        public abstract string Kind { get; }

        /// <summary>Whose row this is, so erasing a user erases their dead letters too.</summary>
        public abstract string? OwnerId { get; }

        public abstract string PayloadJson();

        public sealed record Served(ServedTipRecord Record) : Command
        {
            public override string Kind => "served";

            public override string? OwnerId => Record.UserId;

            public override string PayloadJson() => JsonSerializer.Serialize(Record);
        }

        public sealed record Rewarded(RewardRecord Record) : Command
        {
            public override string Kind => "reward";

            public override string? OwnerId => Record.UserId;

            public override string PayloadJson() => JsonSerializer.Serialize(Record);
        }

        public sealed record Audit(AuditRecord Record, TaskCompletionSource Completion) : Command, IAcknowledged
        {
            public override string Kind => "audit";

            public override string? OwnerId => Record.Target;

            public override string PayloadJson() => JsonSerializer.Serialize(Record);
        }

        public sealed record Erase(string UserId, TaskCompletionSource Completion) : Command, IAcknowledged
        {
            public override string Kind => "erase";

            public override string? OwnerId => UserId;

            public override string PayloadJson() => JsonSerializer.Serialize(new { UserId });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} analytics rows failed; retrying in {DelaySeconds} s")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database refused a batch of {Count} analytics rows ({Error}); writing them one by one")]
    private static partial void LogWritingOneByOne(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database refused an analytics {Kind} row ({Error}); it is kept in oo_dead_letters")]
    private static partial void LogDeadLettered(ILogger logger, string kind, string error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The database refused an analytics {Kind} row ({Error}) and its dead letter ({ParkingError}); the row is dropped")]
    private static partial void LogNotParked(ILogger logger, string kind, string error, string parkingError);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The analytics queue is full ({Capacity} rows); served-tip and reward rows are dropped until it drains")]
    private static partial void LogQueueFull(ILogger logger, int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The analytics queue drains again; {Count} served-tip and reward rows were dropped")]
    private static partial void LogQueueDrained(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The analytics database did not confirm an {Kind} within {TimeoutSeconds} s; it stays queued")]
    private static partial void LogNotConfirmed(ILogger logger, string kind, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enforcing analytics retention failed; it is retried at the next sweep")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
