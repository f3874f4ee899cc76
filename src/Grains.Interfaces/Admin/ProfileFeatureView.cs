namespace OO.Grains.Interfaces.Admin;

/// <summary>
/// One feature of the registry for one user. Profile features carry their stored value and when it was
/// computed; per-request features (candidate, context) have no stored value and no TTL.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.ProfileFeatureView")]
public sealed record ProfileFeatureView(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] string Scope,
    [property: Id(3)] TimeSpan? Ttl,
    [property: Id(4)] double? Value,
    [property: Id(5)] DateTimeOffset? ComputedAt,
    [property: Id(6)] TimeSpan? Age,
    [property: Id(7)] bool Fresh);
