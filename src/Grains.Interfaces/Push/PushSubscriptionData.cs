namespace OO.Grains.Interfaces.Push;

/// <summary>One device's push subscription, as the browser gave it (keys base64url).</summary>
[GenerateSerializer, Immutable, Alias("oo.PushSubscriptionData")]
public sealed record PushSubscriptionData(
    [property: Id(0)] string Endpoint,
    [property: Id(1)] string P256dh,
    [property: Id(2)] string Auth);
