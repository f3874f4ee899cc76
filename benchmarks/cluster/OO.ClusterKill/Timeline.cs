using System.Collections.Concurrent;
using System.Diagnostics;

namespace OO.ClusterKill;

/// <summary>Every request of the run with its start (seconds since the run began), duration and outcome.</summary>
public sealed class Timeline
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Entry> _entries = new();
    private long _cycles;

    /// <summary>Seconds since the run began.</summary>
    public double Now => _clock.Elapsed.TotalSeconds;

    public long Cycles => Interlocked.Read(ref _cycles);

    public IReadOnlyCollection<Entry> Entries => _entries;

    public void CycleCompleted() => Interlocked.Increment(ref _cycles);

    public void Record(int person, string what, double started, TimeSpan took, bool ok, string? failure) =>
        _entries.Enqueue(new Entry(person, what, started, took.TotalSeconds, ok, failure));

    public sealed record Entry(int Person, string What, double Started, double Took, bool Ok, string? Failure)
    {
        public double Ended => Started + Took;
    }
}
