namespace OO.Grains.Interfaces.Learning;

/// <summary>The serving and shadow policies in force, and who last changed them.</summary>
/// <param name="Revision">0 for the configured default; each change adds one.</param>
/// <param name="ChangedBy">The acting administrator's user id; null for the configured default.</param>
[GenerateSerializer, Immutable, Alias("oo.PolicyConfig")]
public sealed record PolicyConfig(
    [property: Id(0)] string Active,
    [property: Id(1)] IReadOnlyList<string> Shadows,
    [property: Id(2)] long Revision,
    [property: Id(3)] DateTimeOffset? ChangedAt,
    [property: Id(4)] string? ChangedBy);
