using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using OO.Silo.Configuration;

namespace OO.Silo.Storage;

/// <summary>Opens connections to the configured engine, for the schema installer, health checks and analytics.</summary>
public sealed class Database(HostSettings settings)
{
    private readonly string _connectionString =
        settings.Storage == StorageProvider.Postgres ? PostgresConnections.Tune(settings.ConnectionString) : settings.ConnectionString;

    public StorageProvider Engine => settings.Storage;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = settings.Storage == StorageProvider.Sqlite
            ? new SqliteConnection(_connectionString)
            : new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection)
            {
                // Another writer's lock (the grain-state writer) is waited for by SQLite in small steps, not by
                // the driver's retries, which sleep 150 ms each.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA busy_timeout=10000;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken)) == 1;
        }
        catch (DbException)
        {
            return false;
        }
    }
}
