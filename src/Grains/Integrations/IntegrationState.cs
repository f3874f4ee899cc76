namespace OO.Grains.Integrations;

/// <summary>What an integration grain persists.</summary>
[GenerateSerializer, Alias("oo.IntegrationState")]
public sealed class IntegrationState
{
    [Id(0)] public bool Connected { get; set; }
    [Id(1)] public long SnapshotVersion { get; set; }
    [Id(2)] public DateTimeOffset? LastSyncAt { get; set; }
    [Id(3)] public int SyncCount { get; set; }
    [Id(4)] public string? LastError { get; set; }
}
