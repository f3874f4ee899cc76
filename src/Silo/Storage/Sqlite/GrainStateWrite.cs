using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace OO.Silo.Storage.Sqlite;

/// <summary>
/// One grain's state written (or, with no payload, deleted) in <c>OrleansStorage</c>, the Orleans ADO.NET
/// provider's table and format: the version column is the ETag, a row is created at version 1, each write
/// bumps it, a clear deletes the row. Answers the new version (null once deleted), or an
/// <see cref="InconsistentStateException"/> when the grain's ETag is stale.
/// </summary>
internal sealed class GrainStateWrite(GrainStateKey key, byte[]? payload, int? expectedVersion) : SqliteWrite<int?>
{
    private const string Insert = """
        INSERT OR IGNORE INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES ($idHash, $n0, $n1, $typeHash, $type, $ext, $service, $payload, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1)
        """;

    private const string Update = $"""
        UPDATE OrleansStorage
        SET PayloadBinary = $payload, ModifiedOn = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), Version = Version + 1
        WHERE {GrainStateKey.Filter} AND Version = $version
        """;

    private const string Delete = $"DELETE FROM OrleansStorage WHERE {GrainStateKey.Filter} AND Version = $version";

    public override void Apply(SqliteStatements statements, SqliteTransaction transaction)
    {
        if (expectedVersion is not { } expected)
        {
            // No row expected: deleting nothing is done; creating fails if another activation created it first.
            var created = payload is null || Execute(statements, transaction, Insert) == 1;
            Answer(() => created ? (payload is null ? null : 1) : throw Conflict());
            return;
        }

        var changed = Execute(statements, transaction, payload is null ? Delete : Update) == 1;
        Answer(() => changed ? (payload is null ? null : expected + 1) : throw Conflict());
    }

    private int Execute(SqliteStatements statements, SqliteTransaction transaction, string sql)
    {
        var command = statements.Get(sql, transaction);
        key.Bind(command);
        if (payload is not null)
        {
            command.Parameters.AddWithValue("$payload", payload);
        }

        if (expectedVersion is { } version)
        {
            command.Parameters.AddWithValue("$version", version);
        }

        return command.ExecuteNonQuery();
    }

    private InconsistentStateException Conflict() =>
        new($"Version conflict ({(payload is null ? "ClearState" : "WriteState")}): state {key} was changed since ETag {expectedVersion?.ToString() ?? "(none)"}.");
}
