namespace OO.Grains.Interfaces.Learning;

/// <summary>
/// Pooled sufficient statistics on the wire: Σ x xᵀ (upper triangle, packed row by row), Σ r x and a count,
/// for feature layout <paramref name="FeatureVersion"/> of length <paramref name="Dimension"/>. Sums only.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.PopulationDelta")]
public sealed record PopulationDelta(
    [property: Id(0)] int FeatureVersion,
    [property: Id(1)] int Dimension,
    [property: Id(2)] double[] XtX,
    [property: Id(3)] double[] Xty,
    [property: Id(4)] long Count);
