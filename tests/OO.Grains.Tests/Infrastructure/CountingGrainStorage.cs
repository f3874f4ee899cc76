using System.Collections.Concurrent;
using System.Text.Json;
using Orleans.Storage;

namespace OO.Grains.Tests.Infrastructure;

/// <summary>
/// Grain storage in memory that counts every write and clear, per grain and state name, so a test can
/// prove that something cost no write. States are stored as System.Text.Json, as the silo stores them. It checks ETags like a real store, so a grain that writes twice
/// concurrently fails here as it would in production.
/// </summary>
public sealed class CountingGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(GrainId, string), (byte[] Json, string ETag)> _rows = new();
    private readonly ConcurrentDictionary<(GrainId, string), int> _writes = new();
    private readonly ConcurrentDictionary<(GrainId, string), int> _failures = new();
    private readonly ConcurrentQueue<(GrainId Grain, string StateName, string Operation)> _log = new();
    private long _etag;

    /// <summary>Every write and clear, in order: (grain, state name, <c>write</c> or <c>clear</c>).</summary>
    public IReadOnlyList<(GrainId Grain, string StateName, string Operation)> Log => [.. _log];

    /// <summary>The next write of <paramref name="stateName"/> of <paramref name="grain"/> fails, as a database outage would.</summary>
    public void FailNextWrite(GrainId grain, string stateName) => _failures.AddOrUpdate((grain, stateName), 1, (_, n) => n + 1);

    /// <summary>How many times <paramref name="stateName"/> of <paramref name="grain"/> was written (clears included).</summary>
    public int Writes(GrainId grain, string stateName) => _writes.GetValueOrDefault((grain, stateName));

    /// <summary>The stored copy of a state, or null.</summary>
    public T? Stored<T>(GrainId grain, string stateName) where T : class =>
        _rows.TryGetValue((grain, stateName), out var row) ? JsonSerializer.Deserialize<T>(row.Json) : null;

    /// <summary>Puts a stored row as an older version of the silo would have written it (raw JSON), before the grain activates.</summary>
    public void Seed(GrainId grain, string stateName, string json) =>
        _rows[(grain, stateName)] = (System.Text.Encoding.UTF8.GetBytes(json), Interlocked.Increment(ref _etag).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The stored JSON of a state, or null.</summary>
    public string? StoredJson(GrainId grain, string stateName) =>
        _rows.TryGetValue((grain, stateName), out var row) ? System.Text.Encoding.UTF8.GetString(row.Json) : null;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue((grainId, stateName), out var row))
        {
            grainState.State = JsonSerializer.Deserialize<T>(row.Json)!;
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (grainId, stateName);
        if (_failures.TryGetValue(key, out var failures) && failures > 0 && _failures.TryUpdate(key, failures - 1, failures))
        {
            throw new InvalidOperationException($"Scripted storage failure writing {stateName} of {grainId}.");
        }

        Check(key, grainState.ETag);
        _log.Enqueue((grainId, stateName, "write"));
        var etag = Interlocked.Increment(ref _etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _rows[key] = (JsonSerializer.SerializeToUtf8Bytes(grainState.State), etag);
        _writes.AddOrUpdate(key, 1, (_, n) => n + 1);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (grainId, stateName);
        Check(key, grainState.ETag);
        _rows.TryRemove(key, out _);
        _log.Enqueue((grainId, stateName, "clear"));
        _writes.AddOrUpdate(key, 1, (_, n) => n + 1);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private void Check((GrainId, string) key, string? etag)
    {
        var stored = _rows.TryGetValue(key, out var row) ? row.ETag : null;
        if (stored != etag)
        {
            throw new InconsistentStateException($"ETag mismatch for {key}: stored {stored ?? "none"}, written with {etag ?? "none"}.");
        }
    }
}
