namespace OO.Grains.Push;

/// <summary>One device of the user. The endpoint is a capability URL and the keys are secrets: never log them.</summary>
[GenerateSerializer, Alias("oo.StoredPushSubscription")]
public sealed class StoredPushSubscription
{
    [Id(0)] public required string Endpoint { get; set; }
    [Id(1)] public required string P256dh { get; set; }
    [Id(2)] public required string Auth { get; set; }
    [Id(3)] public DateTimeOffset AddedAt { get; set; }

    /// <summary>Set when the push service answered 429: nothing is pushed to this device before then.</summary>
    [Id(4)] public DateTimeOffset? NotBefore { get; set; }
}
