namespace OO.Grains.Analytics;

/// <summary>
/// Where grains send what the analytics tables keep. Logging a tip never blocks the grain: rows are
/// queued and written in batches. The grain's own state stays the source of truth; rows lost with a
/// crashed process are written again when the user's grain next activates (writes are idempotent).
/// </summary>
public interface IAnalyticsSink
{
    void Served(ServedTipRecord record);

    void Rewarded(RewardRecord record);

    /// <summary>Writes an audit row durably before returning: an administrative write is never unaccounted for.</summary>
    Task AuditAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Deletes every row about the user, including ones still queued.</summary>
    Task EraseUserAsync(string userId, CancellationToken cancellationToken);
}
