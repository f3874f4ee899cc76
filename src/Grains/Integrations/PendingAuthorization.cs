namespace OO.Grains.Integrations;

/// <summary>An authorization started by the user: the hash of its single-use state value and when it expires.</summary>
[GenerateSerializer, Alias("oo.PendingAuthorization")]
public sealed class PendingAuthorization
{
    [Id(0)] public required string StateHash { get; set; }
    [Id(1)] public DateTimeOffset ExpiresAt { get; set; }
}
