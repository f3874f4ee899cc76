using System.Collections.Concurrent;
using System.Diagnostics;

namespace OO.Silo.Storage.Sqlite;

/// <summary>
/// The one writer: a dedicated thread (never an Orleans or thread-pool thread) that takes every write queued
/// since its last commit and applies them in one transaction (group commit). While one commit waits for the
/// disk the next writes gather, so a batch grows with the load and a lone write is committed at once. A
/// write is answered only after its transaction is durable; when the transaction fails, every write in it
/// fails and none is acknowledged.
/// </summary>
internal sealed partial class SqliteWriter(string connectionString, int maxBatch, bool durable, SqliteStorageMetrics metrics, ILogger logger) : IDisposable
{
    private readonly BlockingCollection<SqliteWrite> _queue = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;

    /// <summary>Starts the thread. Writes queued before this are committed together in its first batch.</summary>
    public void Start()
    {
        // Fails the silo's start, not its first write, when the file cannot be opened.
        using (SqliteStatements.Open(connectionString, writer: true, durable))
        {
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "oO SQLite writer" };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="write"/>; its completion says when it is durable.</summary>
    public Task<T> WriteAsync<T>(SqliteWrite<T> write)
    {
        try
        {
            _queue.Add(write);
        }
        catch (InvalidOperationException)
        {
            return Task.FromException<T>(new OrleansException("The SQLite writer has stopped; the write was not stored."));
        }

        return write.Completion.Task;
    }

    /// <summary>Whether writes are still taken (false once stopping).</summary>
    public bool IsAccepting => !_queue.IsAddingCompleted;

    /// <summary>Accepts no more writes, commits what is queued and ends the thread.</summary>
    public Task StopAsync()
    {
        _queue.CompleteAdding();
        return _thread is null ? Task.CompletedTask : _stopped.Task;
    }

    public void Dispose() => _queue.Dispose();

    private void Run()
    {
        SqliteStatements? statements = null;
        var batch = new List<SqliteWrite>(maxBatch);
        try
        {
            foreach (var first in _queue.GetConsumingEnumerable())
            {
                batch.Add(first);
                while (batch.Count < maxBatch && _queue.TryTake(out var next))
                {
                    batch.Add(next);
                }

                try
                {
                    statements ??= SqliteStatements.Open(connectionString, writer: true, durable);
                    Commit(statements, batch);
                }
                catch (Exception error)
                {
                    metrics.Failed();
                    LogCommitFailed(logger, error, batch.Count);
                    var failure = new OrleansException("The SQLite transaction failed; the write was not stored.", error);
                    foreach (var write in batch)
                    {
                        write.Fail(failure);
                    }

                    // A fresh connection for the next batch, whatever state this one was left in.
                    statements?.Dispose();
                    statements = null;
                }

                batch.Clear();
            }
        }
        finally
        {
            statements?.Dispose();
            _stopped.TrySetResult();
        }
    }

    private void Commit(SqliteStatements statements, List<SqliteWrite> batch)
    {
        var started = Stopwatch.GetTimestamp();
        using (var transaction = statements.Connection.BeginTransaction(deferred: false))
        {
            metrics.WaitedForLock(Stopwatch.GetElapsedTime(started));
            foreach (var write in batch)
            {
                write.Apply(statements, transaction);
            }

            transaction.Commit();
        }

        metrics.Committed(batch.Count, Stopwatch.GetElapsedTime(started));
        foreach (var write in batch)
        {
            write.Acknowledge();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A SQLite transaction of {Count} writes failed; every write in it failed and none was stored")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int count);
}
