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
}
