namespace OO.Grains.Analytics;

/// <summary>
/// Where grains send what the analytics tables keep. Logging a tip never blocks the grain: rows are
/// queued and written in batches. The grain's own state stays the source of truth; rows lost with a
/// crashed process, or dropped while the queue was full, are written again when the user's grain next
/// activates (writes are idempotent).
/// </summary>
public interface IAnalyticsSink
{
    void Served(ServedTipRecord record);

    void Rewarded(RewardRecord record);

    /// <summary>One generation asked for by a user's grain and how it went (never the text it was given or got).</summary>
    void Generated(GenerationRecord record);

    /// <summary>
    /// Writes an audit row durably before returning: an administrative write is never unaccounted for.
    /// A row the database refuses is kept in the dead letters and counts as written.
    /// </summary>
    /// <exception cref="TimeoutException">
    /// The database did not confirm within the configured deadline (<c>OO:Analytics:AcknowledgeTimeout</c>,
    /// 10 s), so the caller's grain turn ends well inside the grain call timeout. The row stays queued and
    /// is written when the database answers.
    /// </exception>
    Task AuditAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every row about the user, including ones still queued (they are written first, then
    /// deleted) and the user's dead letters. Audit rows are kept, with the user's id replaced by a random
    /// pseudonym wherever it appears. Idempotent: calling it again is safe.
    /// </summary>
    /// <exception cref="TimeoutException">
    /// The database did not confirm within the deadline. The erasure stays queued and is applied when the
    /// database answers, unless this process ends first: a caller that must be sure retries until it succeeds.
    /// </exception>
    Task EraseUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Keeps the console's directory of people (queued like the other rows).</summary>
    void UserDirectory(UserDirectoryChange change);
}
