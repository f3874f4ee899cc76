using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OO.Grains.Events;
using OO.Grains.Interfaces.Events;
using OO.Silo.Analytics;
using OO.Silo.Configuration;
using OO.Silo.Storage;
using OO.Silo.Storage.Sqlite;

namespace OO.Silo.Events;

/// <summary>
/// Writes published events to <c>oo_events</c> in batches on a background loop, in the order they were published (so
/// an erasure applies after the events queued before it). Each event carries a key made when it is queued, so a batch
/// written again after a failure whose commit was unclear adds nothing twice. A failure of the database is retried with
/// back-off; an event the database refuses is dropped and counted, never blocking the rest. The queue is drained on
/// shutdown within <see cref="EventLogOptions.ShutdownDrainTimeout"/> (what is left is logged and counted); events still queued when the process crashes are lost (see docs/events.md). On the embedded SQLite file a
/// batch goes through the file's one writer, like the analytics rows.
/// </summary>
public sealed partial class EventWriter(
    Database database,
    IOptions<EventLogOptions> options,
    IOptions<AnalyticsOptions> analytics,
    TimeProvider time,
    IMeterFactory meters,
    ILogger<EventWriter> logger,
    SqliteStore? sqlite = null) : BackgroundService, IEventSink
{
    private const int RowsPerStatement = 100;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan EraseAgainAfter = TimeSpan.FromSeconds(10);

    private readonly Channel<EventCommand> _queue = Channel.CreateUnbounded<EventCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly EventLogOptions _options = options.Value;
    private readonly Counter<long> _dropped = meters.Create("OO.Events").CreateCounter<long>(
        "oo.events.dropped", unit: "{event}", description: "Events not written: the queue was full or the database refused them.");

    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;
    private int _queued;

    void IEventSink.Publish(OOEvent @event)
    {
        if (Interlocked.Increment(ref _queued) <= _options.QueueCapacity && _queue.Writer.TryWrite(new EventCommand.Row(Guid.NewGuid(), @event)))
        {
            return;
        }

        Interlocked.Decrement(ref _queued);
        _dropped.Add(1, new KeyValuePair<string, object?>("reason", "queue-full"));
    }

    /// <summary>Deletes every event about <paramref name="userId"/>, including those still queued. Idempotent.</summary>
    /// <exception cref="TimeoutException">
    /// The database did not confirm within <see cref="EventLogOptions.AcknowledgeTimeout"/> (at most 3 s); the erasure stays
    /// queued, and the caller's durable promise (the account's outbox) asks again.
    /// </exception>
    public async Task EraseUserAsync(string userId, CancellationToken cancellationToken)
    {
        var erase = new EventCommand.Erase(userId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(erase))
        {
            throw new InvalidOperationException("The event writer has stopped.");
        }

        await erase.Completion.Task.WaitAsync(_options.AcknowledgeTimeout, time, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<EventCommand>();
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

        _queue.Writer.TryComplete();
        // A database that stays down must not hold shutdown until the host gives up: the final drain has a budget.
        using var budget = new CancellationTokenSource(_options.ShutdownDrainTimeout, time);
        try
        {
            await Drain(batch, budget.Token);
        }
        catch (Exception error) when (budget.IsCancellationRequested)
        {
            Abandon(batch, error);
        }
    }

    /// <summary>What the final drain could not write in its budget: counted, logged, and erasures waiting on it released.</summary>
    private void Abandon(List<EventCommand> batch, Exception error)
    {
        while (_queue.Reader.TryRead(out var command))
        {
            batch.Add(command);
        }

        var rows = 0;
        foreach (var command in batch)
        {
            if (command is EventCommand.Erase erase)
            {
                erase.Completion.TrySetException(new InvalidOperationException("The event writer stopped before the erasure was written."));
            }
            else
            {
                rows++;
            }
        }

        batch.Clear();
        _dropped.Add(rows, new KeyValuePair<string, object?>("reason", "shutdown"));
        LogNotWrittenAtShutdown(logger, error, rows, _options.ShutdownDrainTimeout.TotalSeconds);
    }

    private async Task Drain(List<EventCommand> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var command))
            {
                if (command is EventCommand.Row)
                {
                    Interlocked.Decrement(ref _queued);
                }

                batch.Add(command);
            }

            if (batch.Count == 0)
            {
                await SweepIfDue(cancellationToken);
                return;
            }

            await WriteUntilDone(batch, cancellationToken);
        }
    }

    private async Task WriteUntilDone(List<EventCommand> batch, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        while (batch.Count > 0)
        {
            try
            {
                try
                {
                    await Write(batch, cancellationToken);
                    Completed(batch);
                    batch.Clear();
                }
                catch (Exception error) when (AnalyticsErrors.IsPoison(error) && batch.Count > 1)
                {
                    // One refused row must not hold back the others: each alone, the refused ones dropped.
                    while (batch.Count > 0)
                    {
                        try
                        {
                            await Write(batch.GetRange(0, 1), cancellationToken);
                            Completed(batch.GetRange(0, 1));
                        }
                        catch (Exception single) when (AnalyticsErrors.IsPoison(single))
                        {
                            Refused(batch[0], single);
                        }

                        batch.RemoveAt(0);
                    }
                }
                catch (Exception error) when (AnalyticsErrors.IsPoison(error))
                {
                    Refused(batch[0], error);
                    batch.Clear();
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

    private async Task Write(List<EventCommand> batch, CancellationToken cancellationToken)
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

    /// <summary>A run of events is one multi-row INSERT; an erasure is its own statement, in queue order.</summary>
    private IEnumerable<DbCommand> Statements(DbConnection connection, DbTransaction transaction, List<EventCommand> batch)
    {
        var postgres = database.Engine == StorageProvider.Postgres;
        for (var i = 0; i < batch.Count;)
        {
            var sql = connection.CreateCommand();
            sql.Transaction = transaction;
            if (batch[i] is EventCommand.Erase erase)
            {
                sql.CommandText = "DELETE FROM oo_events WHERE user_id = @user";
                AnalyticsCommand.Add(sql, "user", erase.UserId);
                i++;
                yield return sql;
                continue;
            }

            var text = new StringBuilder("INSERT INTO oo_events (event_key, subject, user_id, at, payload_json) VALUES ");
            var run = 0;
            for (; i < batch.Count && run < RowsPerStatement && batch[i] is EventCommand.Row row; i++, run++)
            {
                text.Append(run == 0 ? "" : ", ").Append(postgres
                    ? $"(@k{run}, @s{run}, @u{run}, @a{run}, CAST(@p{run} AS jsonb))"
                    : $"(@k{run}, @s{run}, @u{run}, @a{run}, @p{run})");
                AnalyticsCommand.Add(sql, $"k{run}", postgres ? row.Key : row.Key.ToString("N"));
                AnalyticsCommand.Add(sql, $"s{run}", row.Event.Subject);
                AnalyticsCommand.Add(sql, $"u{run}", row.Event.UserId);
                AnalyticsCommand.Add(sql, $"a{run}", EventTimestamps.ToDatabase(database.Engine, row.Event.At));
                AnalyticsCommand.Add(sql, $"p{run}", row.Event.PayloadJson);
            }

            sql.CommandText = text.Append(" ON CONFLICT (event_key) DO NOTHING").ToString();
            yield return sql;
        }
    }

    private void Completed(List<EventCommand> commands)
    {
        foreach (var erase in commands.OfType<EventCommand.Erase>())
        {
            if (erase.Completion.TrySetResult() && !erase.Repeated)
            {
                _ = EraseAgainLater(erase.UserId);
            }
        }
    }

    /// <summary>
    /// Another silo may still write an event of the person it published just before the erasure (the integration
    /// grain's <c>disconnected</c> during an account deletion): the erasure is applied once more a little later.
    /// </summary>
    private async Task EraseAgainLater(string userId)
    {
        try
        {
            await Task.Delay(EraseAgainAfter, time);
            _queue.Writer.TryWrite(new EventCommand.Erase(userId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)) { Repeated = true });
        }
        catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private void Refused(EventCommand command, Exception error)
    {
        if (command is EventCommand.Erase erase)
        {
            erase.Completion.TrySetException(new InvalidOperationException("The database refused to erase the user's events."));
            return;
        }

        _dropped.Add(1, new KeyValuePair<string, object?>("reason", "refused"));
        LogRefused(logger, ((EventCommand.Row)command).Event.Subject, error.GetType().Name);
    }

    /// <summary>Deletes events older than the explainability log keeps its rows (<c>OO:Analytics:Retention</c>).</summary>
    private async Task SweepIfDue(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + analytics.Value.RetentionSweepEvery;
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var sql = connection.CreateCommand();
            sql.CommandText = "DELETE FROM oo_events WHERE at < @cutoff";
            AnalyticsCommand.Add(sql, "cutoff", EventTimestamps.ToDatabase(database.Engine, now - analytics.Value.Retention));
            await sql.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException error)
        {
            LogSweepFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} events failed; retrying in {DelaySeconds} s")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database refused a {Subject} event ({Error}); it is dropped")]
    private static partial void LogRefused(ILogger logger, string subject, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The event writer stopped with {Count} events not written: the database did not take them within {BudgetSeconds} s of shutdown")]
    private static partial void LogNotWrittenAtShutdown(ILogger logger, Exception exception, int count, double budgetSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enforcing event retention failed; it is retried at the next sweep")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
