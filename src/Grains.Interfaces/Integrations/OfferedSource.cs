namespace OO.Grains.Interfaces.Integrations;

/// <summary>A source a user can connect.</summary>
[GenerateSerializer, Immutable, Alias("oo.OfferedSource")]
public sealed record OfferedSource(
    [property: Id(0)] string Provider,
    [property: Id(1)] string DisplayName);
