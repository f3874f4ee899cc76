using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Learning;
using OO.Learning.Features;

namespace OO.Grains.Population;

/// <summary>
/// This silo's copy of the population prior, refreshed by <see cref="PopulationSync"/>, so that choosing a tip
/// reads θ₀ from memory and never calls the population grain.
/// </summary>
public sealed class PopulationPriorCache(IOptions<PopulationOptions> options)
{
    private readonly PopulationOptions _options = options.Value;
    private volatile PopulationPrior? _prior;

    /// <summary>
    /// θ₀ when the prior is on, of the current feature layout and rests on at least
    /// <see cref="PopulationOptions.MinimumRewards"/> rewards; otherwise null (models start at 0).
    /// </summary>
    public double[]? Mean =>
        _options.Enabled
        && _prior is { Mean: { } mean } prior
        && prior.FeatureVersion == FeatureRegistry.Version
        && prior.Dimension == FeatureRegistry.Dimension
        && mean.Length == FeatureRegistry.Dimension
        && prior.Count >= _options.MinimumRewards
            ? mean
            : null;

    /// <summary>The last prior read, whatever it holds (null before the first read).</summary>
    public PopulationPrior? Last => _prior;

    public void Update(PopulationPrior prior) => _prior = prior;
}
