namespace OO.Silo.Storage.Sqlite;

/// <summary>
/// Moves the WAL's pages into the database file on its own thread and connection, twice a second, so the
/// writer's commits never carry a checkpoint (SQLite's automatic one runs inside the commit that crosses 1,000
/// pages, copying pages and fsyncing the database file while every queued write waits). A passive checkpoint
/// never blocks the writer or a reader.
/// </summary>
internal sealed class SqliteCheckpointer(string connectionString) : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);
    private readonly ManualResetEventSlim _stopping = new();
    private Thread? _thread;

    public void Start()
    {
        // A writing connection: a checkpoint writes the database file (and fsyncs it, FULL).
        var statements = SqliteStatements.Open(connectionString, writer: true);
        _thread = new Thread(() => Run(statements)) { IsBackground = true, Name = "oO SQLite checkpointer" };
        _thread.Start();
    }

    public void Stop()
    {
        _stopping.Set();
        _thread?.Join();
    }

    public void Dispose() => _stopping.Dispose();

    private void Run(SqliteStatements statements)
    {
        using (statements)
        {
            while (!_stopping.Wait(Every))
            {
                try
                {
                    statements.Get("PRAGMA wal_checkpoint(PASSIVE)").ExecuteNonQuery();
                }
                catch (Microsoft.Data.Sqlite.SqliteException)
                {
                    // Busy or locked: the next round checkpoints what this one could not.
                }
            }
        }
    }
}
