using System.Collections.Concurrent;

namespace OO.Silo.Storage.Sqlite;

/// <summary>
/// Answers reads on a few dedicated threads, each with its own read-only connection and prepared statements.
/// Microsoft.Data.Sqlite's async methods run synchronously, so a read on the caller's thread would block it;
/// here the caller only awaits a task. In WAL mode a reader never waits for the writer and sees every commit
/// the writer has acknowledged.
/// </summary>
internal sealed class SqliteReader(string connectionString, int threads) : IDisposable
{
    private readonly BlockingCollection<Request> _queue = new();

    public void Start()
    {
        for (var i = 0; i < threads; i++)
        {
            // Opened here, so a file that cannot be read stops the silo's start.
            var statements = SqliteStatements.Open(connectionString, writer: false);
            new Thread(() => Run(statements)) { IsBackground = true, Name = $"oO SQLite reader {i + 1}" }.Start();
        }
    }

    /// <summary>Runs <paramref name="read"/> on a reader thread.</summary>
    public Task<T> ReadAsync<T>(Func<SqliteStatements, T> read)
    {
        var request = new Request<T>(read);
        try
        {
            _queue.Add(request);
        }
        catch (InvalidOperationException)
        {
            return Task.FromException<T>(new OrleansException("The SQLite readers have stopped."));
        }

        return request.Completion.Task;
    }

    public void Stop() => _queue.CompleteAdding();

    public void Dispose() => _queue.Dispose();

    private void Run(SqliteStatements statements)
    {
        using (statements)
        {
            foreach (var request in _queue.GetConsumingEnumerable())
            {
                request.Execute(statements);
            }
        }
    }

    private abstract class Request
    {
        public abstract void Execute(SqliteStatements statements);
    }

    private sealed class Request<T>(Func<SqliteStatements, T> read) : Request
    {
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Execute(SqliteStatements statements)
        {
            try
            {
                Completion.TrySetResult(read(statements));
            }
            catch (Exception error)
            {
                Completion.TrySetException(error);
            }
        }
    }
}
