using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;

namespace OO.Silo.Storage.Sqlite;

/// <summary>
/// Another component's statements run by the writer inside its current transaction, in a savepoint: they commit
/// (durably) with the batch, and if they fail only they are undone and only their caller hears of it, with the
/// original exception; the rest of the batch goes on. This is how the analytics rows share the file's one writer
/// instead of competing with it for the write lock.
/// </summary>
internal sealed class SavepointWrite(Action<SqliteConnection, SqliteTransaction> statements) : SqliteWrite<bool>
{
    public override void Apply(SqliteStatements writer, SqliteTransaction transaction)
    {
        Execute(writer, transaction, "SAVEPOINT shared");
        try
        {
            statements(writer.Connection, transaction);
            Execute(writer, transaction, "RELEASE shared");
            Answer(() => true);
        }
        catch (Exception error)
        {
            Execute(writer, transaction, "ROLLBACK TO shared");
            Execute(writer, transaction, "RELEASE shared");
            var refusal = ExceptionDispatchInfo.Capture(error);
            Answer(() =>
            {
                refusal.Throw();
                return false;
            });
        }
    }

    private static void Execute(SqliteStatements writer, SqliteTransaction transaction, string sql) =>
        writer.Get(sql, transaction).ExecuteNonQuery();
}
