namespace OO.Grains.Interfaces.Push;

/// <summary>What one <c>deliver</c> decision concluded.</summary>
/// <param name="Reason">
/// <c>Send</c> when a push went to the dispatcher; otherwise why not: <c>NoUser</c> (no such account), <c>NotifyOff</c>,
/// <c>NoSubscription</c>, <c>RateLimited</c> (every device asked to wait), or a rule of the decider
/// (<c>QuietHours</c>, <c>DailyCapReached</c>, <c>TooSoon</c>, <c>NoCandidate</c>, <c>SameAsLastPush</c>, <c>BelowThreshold</c>).
/// </param>
/// <param name="TipId">The pushed tip, when <paramref name="Reason"/> is <c>Send</c>.</param>
[GenerateSerializer, Immutable, Alias("oo.PushDeliveryDecision")]
public sealed record PushDeliveryDecision(
    [property: Id(0)] string Reason,
    [property: Id(1)] string? TipId = null)
{
    /// <summary>True when a push was sent.</summary>
    public bool Sent => Reason == "Send";
}
