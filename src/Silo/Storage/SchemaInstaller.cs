using System.Data.Common;
using System.Reflection;
using OO.Silo.Configuration;

namespace OO.Silo.Storage;

/// <summary>
/// Applies oO's schema scripts before the silo starts: each numbered script once, in order, and the
/// Orleans named queries at every start. Silos starting together on PostgreSQL take turns on an
/// advisory lock, so the scripts never run twice at once.
/// </summary>
public sealed partial class SchemaInstaller(Database database, ILogger<SchemaInstaller> logger) : IHostedService
{
    /// <summary>The advisory lock silos take turns on for one-time work in a shared database.</summary>
    internal const long PostgresLockKey = 0x006F_4F5F_5343_4845; // "oO_SCHE"
    private const string QueriesScript = "queries.sql";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var postgres = database.Engine == StorageProvider.Postgres;
        if (postgres)
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken);
        }
        else
        {
            // Readers never wait for the writer; survives in the file once set.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        }

        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS oo_schema_migrations
                (
                    name       varchar(200) NOT NULL PRIMARY KEY,
                    applied_at varchar(40)  NOT NULL
                );
                """, cancellationToken);

            var applied = await AppliedAsync(connection, cancellationToken);
            foreach (var (name, sql) in Scripts(database.Engine).Where(s => s.Name != QueriesScript && !applied.Contains(s.Name)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO oo_schema_migrations (name, applied_at) VALUES (@name, @at)";
                    AddParameter(record, "name", name);
                    AddParameter(record, "at", DateTimeOffset.UtcNow.ToString("O"));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                LogApplied(logger, name, database.Engine);
            }

            var queries = Scripts(database.Engine).Single(s => s.Name == QueriesScript);
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await ExecuteAsync(connection, transaction, queries.Sql, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The engine's scripts in the order they apply, read from this assembly's resources.</summary>
    internal static IReadOnlyList<(string Name, string Sql)> Scripts(StorageProvider engine)
    {
        var assembly = typeof(SchemaInstaller).Assembly;
        var prefix = $"Schema/{(engine == StorageProvider.Sqlite ? "sqlite" : "postgres")}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..], Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<HashSet<string>> AppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM oo_schema_migrations";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema script {Script} on {Engine}")]
    private static partial void LogApplied(ILogger logger, string script, StorageProvider engine);
}
