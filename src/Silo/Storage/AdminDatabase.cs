using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using OO.Admin.Data;
using OO.Silo.Configuration;

namespace OO.Silo.Storage;

/// <summary>The console's way to the analytics tables, over the silo's own <see cref="Database"/>.</summary>
public sealed class AdminDatabase(Database database, HostSettings settings) : IAdminDatabase
{
    private readonly string _readOnlySqlite = settings.Storage == StorageProvider.Sqlite
        ? new SqliteConnectionStringBuilder(settings.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString()
        : "";

    public AdminEngine Engine => database.Engine == StorageProvider.Sqlite ? AdminEngine.Sqlite : AdminEngine.Postgres;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => database.OpenAsync(cancellationToken);

    public async Task<ReadOnlyConnection> OpenReadOnlyAsync(TimeSpan statementTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(statementTimeout, TimeSpan.Zero);
        if (Engine == AdminEngine.Sqlite)
        {
            var sqlite = new SqliteConnection(_readOnlySqlite) { DefaultTimeout = (int)Math.Ceiling(statementTimeout.TotalSeconds) };
            try
            {
                await sqlite.OpenAsync(cancellationToken);
                await using var pragma = sqlite.CreateCommand();
                // The file is opened read-only already; query_only also refuses writes to attached or temporary tables.
                pragma.CommandText = "PRAGMA query_only=1; PRAGMA busy_timeout=10000;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
                return new ReadOnlyConnection(sqlite, null);
            }
            catch
            {
                await sqlite.DisposeAsync();
                throw;
            }
        }

        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var setup = connection.CreateCommand();
            setup.Transaction = transaction;
            setup.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = {(long)statementTimeout.TotalMilliseconds}");
            await setup.ExecuteNonQueryAsync(cancellationToken);
            return new ReadOnlyConnection(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
