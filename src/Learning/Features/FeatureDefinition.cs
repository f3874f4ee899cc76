namespace OO.Learning.Features;

/// <summary>One entry of the <see cref="FeatureRegistry"/>: the only place its value is computed.</summary>
/// <param name="Name">Stable snake_case name shown in logs.</param>
/// <param name="Description">What it means and how it is scaled.</param>
/// <param name="Ttl">How long a computed value may be reused; null for per-request features.</param>
/// <param name="Scope">What the feature describes.</param>
/// <param name="Compute">The computation.</param>
public sealed record FeatureDefinition(
    string Name,
    string Description,
    TimeSpan? Ttl,
    FeatureScope Scope,
    Func<FeatureInput, double> Compute);
