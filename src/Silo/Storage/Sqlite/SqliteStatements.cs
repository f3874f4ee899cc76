using Microsoft.Data.Sqlite;

namespace OO.Silo.Storage.Sqlite;

/// <summary>
/// One connection and its statements, each prepared once and reused (a statement is compiled on first use
/// and kept): what the writer thread and each reader thread own alone.
/// </summary>
internal sealed class SqliteStatements : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    private SqliteStatements(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>
    /// Opens the oO file. <paramref name="writer"/>: WAL with synchronous=FULL (<paramref name="durable"/>), so each
    /// commit is fsynced and a write acknowledged after it survives power loss, not only a crash (NORMAL fsyncs
    /// only at checkpoints).
    /// The writer leaves checkpoints to <see cref="SqliteCheckpointer"/>. Either way a lock held by another writer (analytics, another process) is waited for by SQLite in small
    /// steps, not by the driver's 150 ms sleeps.
    /// </summary>
    public static SqliteStatements Open(string connectionString, bool writer, bool durable = true)
    {
        // Not pooled: these connections live as long as the store, and their pragmas (read-only for a reader)
        // must not reach whoever takes a pooled connection next.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = writer
                ? $"PRAGMA journal_mode=WAL; PRAGMA synchronous={(durable ? "FULL" : "NORMAL")}; PRAGMA busy_timeout=10000; PRAGMA wal_autocheckpoint=0;"
                : "PRAGMA query_only=1; PRAGMA busy_timeout=10000;";
            pragmas.ExecuteNonQuery();
            return new SqliteStatements(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The prepared command for <paramref name="sql"/>, its parameters cleared and bound to <paramref name="transaction"/>.</summary>
    public SqliteCommand Get(string sql, SqliteTransaction? transaction = null)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _prepared[sql] = command;
        }

        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        Connection.Dispose();
    }
}
