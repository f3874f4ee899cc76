using System.Collections.Concurrent;
using OO.Grains.Analytics;

namespace OO.Grains.Tests.Infrastructure;

/// <summary>The analytics tables as a list: what the grains logged, and whose rows were erased.</summary>
public sealed class RecordingAnalyticsSink : IAnalyticsSink
{
    public ConcurrentQueue<ServedTipRecord> Served { get; } = new();

    public ConcurrentQueue<string> Erased { get; } = new();

    public ConcurrentQueue<GenerationRecord> Generations { get; } = new();

    public ConcurrentQueue<UserDirectoryChange> Directory { get; } = new();

    /// <summary>Erasures of these users time out, as the real writer's do when the database does not answer in time.</summary>
    public ConcurrentDictionary<string, bool> EraseTimesOut { get; } = new();

    void IAnalyticsSink.Served(ServedTipRecord record) => Served.Enqueue(record);

    void IAnalyticsSink.Rewarded(RewardRecord record)
    {
    }

    void IAnalyticsSink.Generated(GenerationRecord record) => Generations.Enqueue(record);

    void IAnalyticsSink.UserDirectory(UserDirectoryChange change) => Directory.Enqueue(change);

    Task IAnalyticsSink.AuditAsync(AuditRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

    Task IAnalyticsSink.EraseUserAsync(string userId, CancellationToken cancellationToken)
    {
        if (EraseTimesOut.ContainsKey(userId))
        {
            return Task.FromException(new TimeoutException("The database did not confirm the erasure in time."));
        }

        Erased.Enqueue(userId);
        return Task.CompletedTask;
    }
}
