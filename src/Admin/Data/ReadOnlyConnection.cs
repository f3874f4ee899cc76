using System.Data.Common;

namespace OO.Admin.Data;

/// <summary>
/// A connection opened for reading only, with the transaction its commands must run in (PostgreSQL) or none
/// (SQLite, where the file itself is opened read-only). Disposing rolls the transaction back and closes.
/// </summary>
public sealed class ReadOnlyConnection(DbConnection connection, DbTransaction? transaction) : IAsyncDisposable
{
    public DbConnection Connection => connection;

    public DbTransaction? Transaction => transaction;

    /// <summary>A command bound to this connection and its read-only transaction.</summary>
    public DbCommand CreateCommand()
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null)
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
        }

        await connection.DisposeAsync();
    }
}
