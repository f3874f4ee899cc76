namespace OO.Silo.Events;

/// <summary>The event log (section <c>OO:Events</c>). Retention follows the explainability log's (<c>OO:Analytics:Retention</c>).</summary>
public sealed class EventLogOptions
{
    public const string Section = "OO:Events";

    /// <summary>The longest <see cref="AcknowledgeTimeout"/> may be.</summary>
    public static readonly TimeSpan MaxAcknowledgeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How long queued events wait for company before they are written. Default 100 ms.</summary>
    public TimeSpan FlushDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Events written in one transaction at most. Default 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Events waiting to be written at most; further ones are dropped and counted in <c>oo.events.dropped</c>. Default 10,000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How often a live tail reads the table for new rows (from every silo). Default 250 ms.</summary>
    public TimeSpan TailPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a tail keeps looking below the newest id it has shown, for a row another silo committed late (ids are
    /// taken before commit). Default 5 s.
    /// </summary>
    public TimeSpan TailSettleTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long erasing a user's events waits for the database before its caller gets a <see cref="TimeoutException"/>
    /// (the erasure stays queued, and the account's outbox retries it). At most 3 s: an account deletion already spends up
    /// to 10 s disconnecting sources and 10 s erasing analytics rows within Orleans' 30 s call timeout. Default 3 s.
    /// </summary>
    public TimeSpan AcknowledgeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The longest the writer keeps writing queued events at shutdown; what is left is logged and counted as dropped. Default 5 s.</summary>
    public TimeSpan ShutdownDrainTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
