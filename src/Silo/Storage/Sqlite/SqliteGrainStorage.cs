using System.Globalization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OO.Silo.Storage.Sqlite;

/// <summary>
/// Grain state on the embedded SQLite file, in the Orleans ADO.NET provider's <c>OrleansStorage</c> table and
/// format, so databases it wrote are read as they are (no migration) and it could read ours. Writes go to the
/// store's one writer, which groups them into a transaction per batch; reads to its reader threads: no call
/// here blocks the calling thread. The ETag is the row version, as the ADO.NET provider keeps it; a stale
/// one gets an <see cref="InconsistentStateException"/>. Clearing deletes the row.
/// </summary>
public sealed class SqliteGrainStorage(
    string serviceId, SqliteStore store, IGrainStorageSerializer serializer, IActivatorProvider activators) : IGrainStorage
{
    private const string Select = $"SELECT PayloadBinary, Version FROM OrleansStorage WHERE {GrainStateKey.Filter} LIMIT 1";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = GrainStateKey.For(serviceId, stateName, grainId);
        var (payload, version) = await store.Reader.ReadAsync(statements =>
        {
            var command = statements.Get(Select);
            key.Bind(command);
            using var row = command.ExecuteReader();
            return row.Read()
                ? (row.IsDBNull(0) ? null : (byte[])row.GetValue(0), row.IsDBNull(1) ? (int?)null : row.GetInt32(1))
                : (null, null);
        });
        grainState.State = payload is null ? Create<T>() : serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Serialized now: what is stored is the state as it was when the grain asked.
        var payload = serializer.Serialize(grainState.State).ToArray();
        var version = await store.Writer.WriteAsync(new GrainStateWrite(GrainStateKey.For(serviceId, stateName, grainId), payload, Version(grainState.ETag)));
        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            // As the ADO.NET provider does: a grain that has not read its state clears what is there.
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        await store.Writer.WriteAsync(new GrainStateWrite(GrainStateKey.For(serviceId, stateName, grainId), null, Version(grainState.ETag)));
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Create<T>();
    }

    private static int? Version(string? etag) =>
        string.IsNullOrWhiteSpace(etag) ? null : int.Parse(etag, NumberStyles.None, CultureInfo.InvariantCulture);

    private T Create<T>() => activators.GetActivator<T>().Create();
}
