namespace OO.Silo.Analytics;

/// <summary>The analytics writer (section <c>OO:Analytics</c>).</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "OO:Analytics";

    /// <summary>Explainability rows (served tips and rewards) older than this are deleted. Default 30 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often retention is enforced. Default 1 hour.</summary>
    public TimeSpan RetentionSweepEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows written in one transaction at most. Default 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long queued rows wait for company before they are written. Default 250 ms.</summary>
    public TimeSpan FlushDelay { get; set; } = TimeSpan.FromMilliseconds(250);
}
