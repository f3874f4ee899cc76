namespace OO.Grains.Interfaces.Learning;

/// <summary>What a new person starts from: the pooled mean θ₀ for one feature layout, and how many rewards it rests on.</summary>
/// <param name="Mean">θ₀, of length <paramref name="Dimension"/>; null while nothing has been pooled.</param>
[GenerateSerializer, Immutable, Alias("oo.PopulationPrior")]
public sealed record PopulationPrior(
    [property: Id(0)] int FeatureVersion,
    [property: Id(1)] int Dimension,
    [property: Id(2)] long Count,
    [property: Id(3)] double[]? Mean);
