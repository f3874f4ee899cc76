using System.Data.Common;
using Microsoft.Data.Sqlite;
using OO.Admin.Operations;

namespace OO.Silo.Operations;

/// <summary>
/// SQLite has no statement timeout, and its driver checks a cancellation token only between steps, so one long
/// step (a large aggregate, a runaway recursive query) would run on; <c>sqlite3_interrupt</c> stops it at once.
/// </summary>
public sealed class SqliteQueryInterrupter : IQueryInterrupter
{
    public IDisposable InterruptOnCancel(DbConnection connection, CancellationToken token) =>
        connection is SqliteConnection { Handle: { } handle }
            ? token.Register(() => SQLitePCL.raw.sqlite3_interrupt(handle))
            : new CancellationTokenRegistration();
}
