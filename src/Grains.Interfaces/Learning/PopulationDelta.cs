namespace OO.Grains.Interfaces.Learning;

/// <summary>
/// Pooled sufficient statistics on the wire: Σ x xᵀ (upper triangle, packed row by row), Σ r x and a count,
/// for feature layout <paramref name="FeatureVersion"/> of length <paramref name="Dimension"/>. Sums only.
/// <paramref name="BatchId"/> names one batch a silo sends, so the population grain adds a batch that is sent
/// again (after a call that timed out but had landed) only once.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.PopulationDelta")]
public sealed record PopulationDelta(
    [property: Id(0)] int FeatureVersion,
    [property: Id(1)] int Dimension,
    [property: Id(2)] double[] XtX,
    [property: Id(3)] double[] Xty,
    [property: Id(4)] long Count,
    [property: Id(5)] string? BatchId = null);
