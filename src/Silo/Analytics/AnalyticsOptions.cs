namespace OO.Silo.Analytics;

/// <summary>The analytics writer (section <c>OO:Analytics</c>).</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "OO:Analytics";

    /// <summary>Explainability rows (served tips and rewards) and dead letters older than this are deleted. Default 30 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often retention is enforced. Default 1 hour.</summary>
    public TimeSpan RetentionSweepEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows written in one transaction at most. Default 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long queued rows wait for company before they are written. Default 250 ms.</summary>
    public TimeSpan FlushDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Served-tip and reward rows waiting to be written at most. Default 10,000 (a few tens of MB at
    /// most). While the database is unreachable the queue fills; further rows are dropped, counted in
    /// <c>oo.analytics.dropped</c> and logged, and the user grain writes its recent rows again when it
    /// next activates. Audit and erase commands are never dropped: they do not count against this limit.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// How long an audit row or an erasure waits for the database to confirm it before the caller gets a
    /// <see cref="TimeoutException"/>. Default 10 s, well under Orleans' 30 s grain call timeout, so the
    /// calling grain's turn always ends. A command that timed out stays queued and is written when the
    /// database answers again.
    /// </summary>
    public TimeSpan AcknowledgeTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
