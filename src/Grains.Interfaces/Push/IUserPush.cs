using Orleans.Concurrency;

namespace OO.Grains.Interfaces.Push;

/// <summary>
/// The push side of one user (implemented by the user grain): their devices, the <c>deliver</c>
/// decision, and what became of each push.
/// </summary>
[Alias("oo.IUserPush")]
public interface IUserPush : IGrainWithStringKey
{
    /// <summary>
    /// Adds a device the caller has validated, or replaces the keys of one with the same endpoint.
    /// The endpoint becomes this user's alone: another user who had it loses it (the latest
    /// registration wins). Returns how many devices the user now has.
    /// </summary>
    [Alias("AddPushSubscription")]
    Task<int> AddPushSubscription(PushSubscriptionData subscription);

    /// <summary>Removes the device with <paramref name="endpoint"/>, or every device when it is null. Returns how many were removed.</summary>
    [Alias("RemovePushSubscriptions")]
    Task<int> RemovePushSubscriptions(string? endpoint);

    /// <summary>
    /// A test notification for every device of the user, to be sent now; or no dispatch, when the
    /// user has no device or asked within the cooldown (then with how long to wait).
    /// </summary>
    [Alias("CreateTestPush")]
    Task<PushTestRequest> CreateTestPush();

    /// <summary>
    /// Decides whether one tip is worth a push now (what the <c>deliver</c> reminder does on each
    /// tick) and, if so, serves it as the current tip and hands it to the dispatcher. Never waits for the push service.
    /// </summary>
    [Alias("DeliverNow")]
    Task<PushDeliveryDecision> DeliverNow();

    /// <summary>The person opened the notification of a pushed tip. False when no push carried that tip.</summary>
    [Alias("PushOpened")]
    Task<bool> PushOpened(string tipId);

    /// <summary>
    /// What the push service answered for each device of one push (sent by the dispatcher). One-way:
    /// the dispatcher, and the request awaiting a test push, never wait behind this user's turns.
    /// </summary>
    [Alias("RecordPushReport")]
    [OneWay]
    Task RecordPushReport(PushDispatchReport report);

    /// <summary>
    /// Another user registered the device with <paramref name="endpoint"/>: drop it, unless the endpoint
    /// is this user's again by the time this arrives. One-way, so that no user grain ever waits for
    /// another (two users taking over each other's devices would otherwise wait on each other).
    /// </summary>
    [Alias("DropTakenOverDevice")]
    [OneWay]
    Task DropTakenOverDevice(string endpoint);
}
