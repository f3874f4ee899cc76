namespace OO.Grains.Interfaces.Learning;

/// <summary>A requested change of the serving and shadow policies.</summary>
/// <param name="ExpectedRevision">The revision the caller judged the change against; a different one refuses it.</param>
/// <param name="Actor">The acting administrator's user id.</param>
/// <param name="Forced">True when the caller promoted without sufficient evidence; audited as such.</param>
/// <param name="Evidence">One sentence on the estimates the change was judged on, for the audit row.</param>
[GenerateSerializer, Immutable, Alias("oo.PolicyChange")]
public sealed record PolicyChange(
    [property: Id(0)] string Active,
    [property: Id(1)] IReadOnlyList<string> Shadows,
    [property: Id(2)] long ExpectedRevision,
    [property: Id(3)] string Actor,
    [property: Id(4)] bool Forced,
    [property: Id(5)] string Evidence);
