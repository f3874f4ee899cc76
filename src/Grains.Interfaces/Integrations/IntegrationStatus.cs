namespace OO.Grains.Interfaces.Integrations;

/// <summary>How one source of one user is doing.</summary>
[GenerateSerializer, Immutable, Alias("oo.IntegrationStatus")]
public sealed record IntegrationStatus(
    [property: Id(0)] string Provider,
    [property: Id(1)] bool Connected,
    [property: Id(2)] DateTimeOffset? LastSyncAt,
    [property: Id(3)] int SyncCount,
    [property: Id(4)] string? LastError);
