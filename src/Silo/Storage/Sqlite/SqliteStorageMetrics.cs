using System.Diagnostics.Metrics;

namespace OO.Silo.Storage.Sqlite;

/// <summary>
/// The <c>OO.Storage</c> meter: <c>oo.storage.writes</c> (grain-state and reminder writes committed),
/// <c>oo.storage.commits</c> (transactions that carried them: fewer than writes when writes are grouped),
/// <c>oo.storage.failed_commits</c>, and the <c>oo.storage.batch_size</c>, <c>oo.storage.commit.duration</c> and
/// <c>oo.storage.lock_wait.duration</c> histograms. The totals are readable here too, for tests and benchmarks.
/// </summary>
public sealed class SqliteStorageMetrics
{
    public const string MeterName = "OO.Storage";

    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commitDuration;
    private readonly Histogram<double> _lockWait;
    private long _writes;
    private long _commits;
    private long _failedCommits;

    public SqliteStorageMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableCounter("oo.storage.writes", () => Writes, unit: "{write}", description: "Grain-state and reminder writes committed.");
        meter.CreateObservableCounter("oo.storage.commits", () => Commits, unit: "{transaction}", description: "Transactions that committed writes.");
        meter.CreateObservableCounter("oo.storage.failed_commits", () => FailedCommits, unit: "{transaction}", description: "Transactions that failed; every write in them failed.");
        _batchSize = meter.CreateHistogram<int>("oo.storage.batch_size", unit: "{write}", description: "Writes per committed transaction.");
        _commitDuration = meter.CreateHistogram<double>("oo.storage.commit.duration", unit: "ms", description: "From a batch's first statement to its durable commit.");
        _lockWait = meter.CreateHistogram<double>("oo.storage.lock_wait.duration", unit: "ms", description: "Time the writer waited for the file's write lock (held by another writer, such as analytics) before a batch.");
    }

    /// <summary>Writes committed since start.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Transactions committed since start.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Transactions that failed since start.</summary>
    public long FailedCommits => Interlocked.Read(ref _failedCommits);

    internal void Committed(int writes, TimeSpan duration)
    {
        Interlocked.Add(ref _writes, writes);
        Interlocked.Increment(ref _commits);
        _batchSize.Record(writes);
        _commitDuration.Record(duration.TotalMilliseconds);
    }

    internal void WaitedForLock(TimeSpan waited) => _lockWait.Record(waited.TotalMilliseconds);

    internal void Failed() => Interlocked.Increment(ref _failedCommits);
}
