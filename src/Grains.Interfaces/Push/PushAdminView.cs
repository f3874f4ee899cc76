namespace OO.Grains.Interfaces.Push;

/// <summary>A user's push state as an administrator sees it: devices, threshold and what every push came to. No endpoints or keys.</summary>
/// <param name="Devices">Subscribed devices.</param>
/// <param name="DeliverReminder">Whether the <c>deliver</c> reminder is registered (notify on and at least one device).</param>
/// <param name="InterruptThreshold">The expected reward a tip must exceed to be pushed, as learned from reactions.</param>
/// <param name="TipPushes">Tips pushed (decisions to send).</param>
/// <param name="TestPushes">Test notifications sent.</param>
/// <param name="Opened">Pushed tips whose notification was opened.</param>
/// <param name="Attempts">HTTP attempts to push services, retries included.</param>
/// <param name="Delivered">Device messages accepted by the push service.</param>
/// <param name="Gone">Device messages answered 404/410 (the device was removed).</param>
/// <param name="RateLimited">Device messages answered 429.</param>
/// <param name="Rejected">Device messages refused otherwise (4xx, too large).</param>
/// <param name="TransientFailures">Device messages that failed after every retry (5xx, timeouts).</param>
/// <param name="LastPushAt">When a tip was last pushed.</param>
/// <param name="LastOutcome">The last device outcome.</param>
/// <param name="LastStatusCode">Its HTTP status.</param>
/// <param name="LastOutcomeAt">When it came.</param>
[GenerateSerializer, Immutable, Alias("oo.PushAdminView")]
public sealed record PushAdminView(
    [property: Id(0)] int Devices,
    [property: Id(1)] bool DeliverReminder,
    [property: Id(2)] double InterruptThreshold,
    [property: Id(3)] long TipPushes,
    [property: Id(4)] long TestPushes,
    [property: Id(5)] long Opened,
    [property: Id(6)] long Attempts,
    [property: Id(7)] long Delivered,
    [property: Id(8)] long Gone,
    [property: Id(9)] long RateLimited,
    [property: Id(10)] long Rejected,
    [property: Id(11)] long TransientFailures,
    [property: Id(12)] DateTimeOffset? LastPushAt,
    [property: Id(13)] string? LastOutcome,
    [property: Id(14)] int? LastStatusCode,
    [property: Id(15)] DateTimeOffset? LastOutcomeAt)
{
    /// <summary>The reason of the last push decision since the grain was activated (<c>Send</c>, <c>InMeeting</c>, <c>QuietHours</c>, …), or null.</summary>
    [Id(16)] public string? LastDecision { get; init; }

    /// <summary>When that decision was made.</summary>
    [Id(17)] public DateTimeOffset? LastDecisionAt { get; init; }
}
