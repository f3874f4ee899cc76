namespace OO.Grains.Interfaces.Integrations;

/// <summary>How one source of one user is doing.</summary>
/// <param name="Provider">The source's name (<c>demo</c>, <c>todoist</c>).</param>
/// <param name="Connected">The user connected it and has not disconnected it.</param>
/// <param name="LastSyncAt">When the last successful sync ended.</param>
/// <param name="SyncCount">Successful syncs since connecting.</param>
/// <param name="LastError">A sentence for the user about the latest fault (sync or a pending action); null when all is well.</param>
/// <param name="NeedsReconnection">The provider no longer accepts oO's access: polling stopped until the user connects again.</param>
/// <param name="RequiresAuthorization">The user connects it through the provider's authorization page.</param>
/// <param name="DisplayName">The provider's name for people.</param>
[GenerateSerializer, Immutable, Alias("oo.IntegrationStatus")]
public sealed record IntegrationStatus(
    [property: Id(0)] string Provider,
    [property: Id(1)] bool Connected,
    [property: Id(2)] DateTimeOffset? LastSyncAt,
    [property: Id(3)] int SyncCount,
    [property: Id(4)] string? LastError,
    [property: Id(5)] bool NeedsReconnection = false,
    [property: Id(6)] bool RequiresAuthorization = false,
    [property: Id(7)] string? DisplayName = null);
