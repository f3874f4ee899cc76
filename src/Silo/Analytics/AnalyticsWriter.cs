using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OO.Grains.Analytics;
using OO.Silo.Configuration;
using OO.Silo.Storage;
using OO.Silo.Storage.Sqlite;

namespace OO.Silo.Analytics;

/// <summary>
/// Writes analytics rows in batches on a background loop, in the order they were queued (so an erasure
/// applies after the rows queued before it). A batch that fails for the database's sake (connection,
/// timeout, lock) is retried with back-off; a batch the database refuses for a row's content is written
/// row by row, and each refused row is parked in <c>oo_dead_letters</c> with its error, so one bad row
/// never holds back the others. The queue is drained on shutdown (this service stops after the silo, so
/// deactivating grains still log). On the embedded SQLite file, while the silo runs, a batch is written by the
/// file's one writer (<see cref="SqliteStore"/>) inside its transaction, so analytics never holds the write lock
/// that grain-state writes wait for.
/// </summary>
public sealed partial class AnalyticsWriter(
    Database database,
    IOptions<AnalyticsOptions> options,
    TimeProvider time,
    AnalyticsMetrics metrics,
    ILogger<AnalyticsWriter> logger,
    SqliteStore? sqlite = null) : BackgroundService, IAnalyticsSink
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Rows in one multi-row INSERT at most: at most 900 parameters, far inside both engines' limits.</summary>
    private const int RowsPerStatement = 100;

    // Unbounded as a channel so that audit and erase commands are always accepted; the rows nobody waits
    // for are bounded by _queuedRows against QueueCapacity.
    private readonly Channel<AnalyticsCommand> _queue = Channel.CreateUnbounded<AnalyticsCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AnalyticsOptions _options = options.Value;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;
    private int _queuedRows;
    private long _droppedRows;

    void IAnalyticsSink.Served(ServedTipRecord record) => Enqueue(new AnalyticsCommand.Served(record));

    void IAnalyticsSink.Rewarded(RewardRecord record) => Enqueue(new AnalyticsCommand.Rewarded(record));

    void IAnalyticsSink.Generated(GenerationRecord record) => Enqueue(new GenerationCommand(record));

    Task IAnalyticsSink.AuditAsync(AuditRecord record, CancellationToken cancellationToken) =>
        Acknowledged(new AnalyticsCommand.Audit(record, NewCompletion()), cancellationToken);

    Task IAnalyticsSink.EraseUserAsync(string userId, CancellationToken cancellationToken) =>
        Acknowledged(new AnalyticsCommand.Erase(userId, NewCompletion()), cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AnalyticsCommand>();
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

    private void Enqueue(AnalyticsCommand row)
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

    private async Task Acknowledged(AnalyticsCommand command, CancellationToken cancellationToken)
    {
        if (!_queue.Writer.TryWrite(command))
        {
            throw new InvalidOperationException("The analytics writer has stopped.");
        }

        try
        {
            await ((AnalyticsCommand.IAcknowledged)command).Completion.Task.WaitAsync(_options.AcknowledgeTimeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogNotConfirmed(logger, command.Kind, _options.AcknowledgeTimeout.TotalSeconds);
            throw new TimeoutException(
                $"The analytics database did not confirm the {command.Kind} within {_options.AcknowledgeTimeout.TotalSeconds:0.#} s; it stays queued and is written when the database answers.");
        }
    }

    private async Task Drain(List<AnalyticsCommand> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var command))
            {
                if (command is not AnalyticsCommand.IAcknowledged)
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
    private async Task WriteUntilDone(List<AnalyticsCommand> batch, CancellationToken cancellationToken)
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

    private async Task WriteTogether(List<AnalyticsCommand> batch, CancellationToken cancellationToken)
    {
        if (sqlite is { Writer.IsAccepting: true })
        {
            var commands = batch.ToList();
            await sqlite.Writer.WriteAsync(new SavepointWrite((connection, transaction) =>
            {
                foreach (var sql in Statements(connection, transaction, commands))
                {
                    using (sql)
                    {
                        sql.ExecuteNonQuery();
                    }
                }
            }));
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in Statements(connection, transaction, batch))
        {
            await using (sql)
            {
                await sql.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The statements that write <paramref name="batch"/>: a run of rows of one kind is one multi-row INSERT, and
    /// order across kinds is kept (an erasure applies after the rows queued before it).
    /// </summary>
    private IEnumerable<DbCommand> Statements(DbConnection connection, DbTransaction transaction, List<AnalyticsCommand> batch)
    {
        for (var i = 0; i < batch.Count;)
        {
            var run = 1;
            while (batch[i] is AnalyticsCommand.IRow && i + run < batch.Count && run < RowsPerStatement && batch[i + run].GetType() == batch[i].GetType())
            {
                run++;
            }

            var sql = connection.CreateCommand();
            sql.Transaction = transaction;
            if (batch[i] is AnalyticsCommand.IRow)
            {
                AnalyticsCommand.DescribeRows(sql, batch.GetRange(i, run).Cast<AnalyticsCommand.IRow>().ToList(), Timestamp);
            }
            else
            {
                batch[i].Describe(sql, Timestamp);
            }

            yield return sql;
            i += run;
        }
    }

    /// <summary>
    /// Each command in its own transaction; a refused one goes to the dead letters. Removes from
    /// <paramref name="batch"/> what is done, so a transient failure midway retries only the rest.
    /// </summary>
    private async Task WriteOneByOne(List<AnalyticsCommand> batch, CancellationToken cancellationToken)
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

    private async Task DeadLetter(DbConnection connection, AnalyticsCommand command, Exception error, CancellationToken cancellationToken)
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

    private async Task InsertDeadLetter(DbConnection connection, AnalyticsCommand command, Exception error, CancellationToken cancellationToken)
    {
        await using var sql = connection.CreateCommand();
        sql.CommandText = "INSERT INTO oo_dead_letters (at, kind, user_id, payload_json, error) VALUES (@at, @kind, @user, @payload, @error)";
        AnalyticsCommand.Add(sql, "at", Timestamp(time.GetUtcNow()));
        AnalyticsCommand.Add(sql, "kind", command.Kind);
        AnalyticsCommand.Add(sql, "user", command.OwnerId);
        AnalyticsCommand.Add(sql, "payload", command.PayloadJson());
        // The message only: PostgreSQL's detail may quote the row's values.
        AnalyticsCommand.Add(sql, "error", $"{error.GetType().Name}: {error.Message}");
        await sql.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Succeeded(AnalyticsCommand command)
    {
        if (command is AnalyticsCommand.IAcknowledged acknowledged)
        {
            acknowledged.Completion.TrySetResult();
        }
    }

    /// <summary>
    /// A refused audit row is accounted for in the dead letters, so its caller goes on; a refused erasure
    /// would leave the user's rows behind, so its caller hears of it.
    /// </summary>
    private static void Refused(AnalyticsCommand command)
    {
        switch (command)
        {
            case AnalyticsCommand.Audit audit:
                audit.Completion.TrySetResult();
                break;
            case AnalyticsCommand.Erase erase:
                erase.Completion.TrySetException(new InvalidOperationException("The analytics database refused to erase the user's rows; see oo_dead_letters."));
                break;
        }
    }

    private async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, AnalyticsCommand command, CancellationToken cancellationToken)
    {
        await using var sql = connection.CreateCommand();
        sql.Transaction = transaction;
        command.Describe(sql, Timestamp);
        await sql.ExecuteNonQueryAsync(cancellationToken);
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
            // One transaction: a reader never sees a tip gone while its reward is still there.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var sql = connection.CreateCommand();
            sql.Transaction = transaction;
            sql.CommandText = """
                DELETE FROM oo_served_tips WHERE served_at < @cutoff;
                DELETE FROM oo_rewards WHERE reacted_at < @cutoff;
                DELETE FROM oo_generations WHERE at < @cutoff;
                DELETE FROM oo_dead_letters WHERE at < @cutoff;
                """;
            AnalyticsCommand.Add(sql, "cutoff", Timestamp(now - _options.Retention));
            await sql.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException error)
        {
            LogSweepFailed(logger, error);
        }
    }

    // SQLite keeps instants as ISO-8601 text in UTC, which sorts and compares correctly as text.
    private object Timestamp(DateTimeOffset at) =>
        database.Engine == StorageProvider.Sqlite ? at.ToUniversalTime().ToString("O") : at.ToUniversalTime();

    private static TaskCompletionSource NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);

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
