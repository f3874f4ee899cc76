using OO.Learning.Population;

namespace OO.Grains.Population;

/// <summary>What the population grain persists. Plain properties: System.Text.Json round-trips it as is.</summary>
public sealed class PopulationState
{
    /// <summary>The feature layout the statistics were pooled in; a newer one starts them again.</summary>
    public int FeatureVersion { get; set; }

    /// <summary>Every pooled reward, net of withdrawals; null before the first.</summary>
    public PopulationStatistics? Statistics { get; set; }

    /// <summary>θ₀ solved from <see cref="Statistics"/> at the last change; null while it cannot be solved.</summary>
    public double[]? Mean { get; set; }

    /// <summary>The ids of the most recent batches added (at most <see cref="RememberedBatches"/>), so a batch sent again is added once.</summary>
    public List<string> RecentBatches { get; set; } = [];

    /// <summary>How many batch ids are remembered: far more than the silos can send again before they give up on one.</summary>
    public const int RememberedBatches = 1024;
}
