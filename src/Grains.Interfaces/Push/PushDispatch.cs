namespace OO.Grains.Interfaces.Push;

/// <summary>One push to send to some of a user's devices.</summary>
/// <param name="UserId">Whose push it is; the outcome is reported to that user grain.</param>
/// <param name="PushId">Identifies the push in the report.</param>
/// <param name="Kind">A tip or a test.</param>
/// <param name="Payload">The JSON the service worker receives.</param>
/// <param name="Topic">The <c>Topic</c> header (a newer push with the same topic replaces a pending one), or null.</param>
/// <param name="TimeToLive">How long the push service may hold it.</param>
/// <param name="Subscriptions">The devices to send to.</param>
[GenerateSerializer, Immutable, Alias("oo.PushDispatch")]
public sealed record PushDispatch(
    [property: Id(0)] string UserId,
    [property: Id(1)] string PushId,
    [property: Id(2)] PushKind Kind,
    [property: Id(3)] string Payload,
    [property: Id(4)] string? Topic,
    [property: Id(5)] TimeSpan TimeToLive,
    [property: Id(6)] IReadOnlyList<PushSubscriptionData> Subscriptions);
