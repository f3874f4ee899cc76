namespace OO.Grains.Population;

/// <summary>The population prior: every user's rewards pooled into a starting point for new people (section <c>OO:Learning:Population</c>).</summary>
public sealed class PopulationOptions
{
    public const string Section = "OO:Learning:Population";

    /// <summary>
    /// The operator's switch. Off: no reward is pooled and no prior is used (every model starts at 0, as before);
    /// what was pooled earlier stays in the population grain and is used again when it is turned back on. Default true.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Pooled rewards needed before the prior is used at all, so a handful of early reactions cannot steer everyone. Default 200.</summary>
    public long MinimumRewards { get; set; } = 200;

    /// <summary>How often a silo sends the rewards it pooled to the population grain. Default 10 seconds.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A silo sends early when this many rewards are waiting. Default 1,000.</summary>
    public int FlushAfterRewards { get; set; } = 1_000;

    /// <summary>How often a silo reads the prior again. Default 1 minute.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>True when every value can work; used to fail at start.</summary>
    public bool IsValid() =>
        MinimumRewards >= 1 && FlushAfterRewards >= 1 && FlushInterval > TimeSpan.Zero && RefreshInterval > TimeSpan.Zero;
}
