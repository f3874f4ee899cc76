namespace OO.Grains.Interfaces.Learning;

/// <summary>
/// The population model: rewards pooled over every user (sums of x xᵀ and r x, no ids, no text) for the
/// current feature layout, and the prior mean θ₀ solved from them. One per cluster (key <see cref="Key"/>).
/// Silos send it batched deltas in the background; nothing on a reaction's path waits on it.
/// </summary>
[Alias("oo.IPopulationGrain")]
public interface IPopulationGrain : IGrainWithStringKey
{
    /// <summary>The one population grain's key.</summary>
    const string Key = "population";

    /// <summary>
    /// Adds a batch of pooled contributions (withdrawals of deleted accounts are negative parts of it). A delta of a
    /// newer feature version resets the statistics first; one of an older version is ignored.
    /// </summary>
    [Alias("Merge")]
    Task Merge(PopulationDelta delta);

    /// <summary>The prior for the current statistics (its mean is null while nothing has been pooled).</summary>
    [Alias("GetPrior")]
    Task<PopulationPrior> GetPrior();

    /// <summary>The pooled statistics themselves, for operators and tests.</summary>
    [Alias("GetStatistics")]
    Task<PopulationDelta> GetStatistics();
}
