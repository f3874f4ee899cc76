using Microsoft.Extensions.Logging;
using OO.Grains.Analytics;
using OO.Grains.Interfaces.Push;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Push;
using OO.Push;

namespace OO.Grains.Users;

/// <summary>
/// Push: devices, test pushes and what the dispatcher reports. The <c>deliver</c> reminder decides whether one
/// tip is worth an interruption now (see the deliver partial), serves it as the current tip, and hands it to the
/// <see cref="IPushDispatcherGrain"/>, which sends outside this grain's turn and reports back.
/// Push state lives in its own persistent state (<c>push</c>).
/// </summary>
public sealed partial class UserGrain : IRemindable
{
    private const string DeliverReminder = "deliver";

    private PushState Push => push.State;

    async Task<int> IUserPush.AddPushSubscription(PushSubscriptionData subscription)
    {
        // A session that outlived its deleted account must not bring push state back.
        if (!state.RecordExists)
        {
            return 0;
        }

        // One endpoint, one user: the previous owner (a shared computer's last user) is told to drop it.
        // One-way, so this turn never waits on another user grain (two users taking over each other's
        // devices would wait on each other until the call timeout). The claim is the rule: the
        // dispatcher checks it before every send, so the previous owner's pushes no longer reach this
        // device even before they have dropped it.
        var previousOwner = await Endpoint(subscription.Endpoint).Claim(UserId);
        if (previousOwner is not null)
        {
            await GrainFactory.GetGrain<IUserPush>(previousOwner).DropTakenOverDevice(subscription.Endpoint);
            LogDeviceTakenOver(logger, UserId, previousOwner);
        }

        var now = time.GetUtcNow();
        Push.Subscriptions.RemoveAll(s => s.Endpoint == subscription.Endpoint);
        Push.Subscriptions.Add(new StoredPushSubscription
        {
            Endpoint = subscription.Endpoint,
            P256dh = subscription.P256dh,
            Auth = subscription.Auth,
            AddedAt = now,
        });
        List<StoredPushSubscription> dropped = [];
        if (Push.Subscriptions.Count > PushState.MaxDevices)
        {
            dropped = Push.Subscriptions[..^PushState.MaxDevices];
            Push.Subscriptions.RemoveRange(0, dropped.Count);
        }

        await push.WriteStateAsync();
        await ReleaseEndpoints(dropped);
        await SyncDeliverReminder();
        return Push.Subscriptions.Count;
    }

    async Task<int> IUserPush.RemovePushSubscriptions(string? endpoint)
    {
        var removed = Push.Subscriptions.Where(s => endpoint is null || s.Endpoint == endpoint).ToList();
        if (removed.Count > 0)
        {
            Push.Subscriptions.RemoveAll(removed.Contains);
            await push.WriteStateAsync();
            await ReleaseEndpoints(removed);
            await SyncDeliverReminder();
        }

        return removed.Count;
    }

    async Task IUserPush.DropTakenOverDevice(string endpoint)
    {
        if (!Push.Subscriptions.Exists(s => s.Endpoint == endpoint))
        {
            return;
        }

        // This user may have registered the device again since the message was sent: the endpoint's
        // owner decides. Not released: it is someone else's.
        if (await Endpoint(endpoint).GetOwner() == UserId)
        {
            return;
        }

        Push.Subscriptions.RemoveAll(s => s.Endpoint == endpoint);
        await push.WriteStateAsync();
        await SyncDeliverReminder();
    }

    async Task<PushTestRequest> IUserPush.CreateTestPush()
    {
        if (Push.Subscriptions.Count == 0)
        {
            return new PushTestRequest(null, null);
        }

        // A test push makes the server send a request on the caller's word: at most one per cooldown.
        var now = time.GetUtcNow();
        if (Push.LastTestPushAt is { } last && now - last < pushOptions.Value.TestPushCooldown)
        {
            return new PushTestRequest(null, pushOptions.Value.TestPushCooldown - (now - last));
        }

        Push.LastTestPushAt = now;
        Push.Counters.TestPushes++;
        await push.WriteStateAsync();
        return new PushTestRequest(
            new PushDispatch(
                UserId, Guid.NewGuid().ToString("N"), PushKind.Test, PushPayload.ForTest(), Topic: null, pushOptions.Value.TimeToLive,
                [.. Push.Subscriptions.Select(Data)]),
            null);
    }

    Task<PushDeliveryDecision> IUserPush.DeliverNow() => Deliver();

    async Task<bool> IUserPush.PushOpened(string tipId)
    {
        var record = Push.Pushes.FirstOrDefault(p => p.TipId == tipId);
        if (record is null)
        {
            return false;
        }

        if (record.OpenedAt is null)
        {
            record.OpenedAt = time.GetUtcNow();
            Push.Counters.Opened++;
            analytics.UserDirectory(UserDirectoryChange.PushOpened(UserId, record.OpenedAt.Value));
            await push.WriteStateAsync();
        }

        return true;
    }

    async Task IUserPush.RecordPushReport(PushDispatchReport report)
    {
        // The account may have been deleted while the push was in flight: write nothing back.
        if (!state.RecordExists)
        {
            return;
        }

        var now = time.GetUtcNow();
        var counters = Push.Counters;
        List<StoredPushSubscription> gone = [];
        foreach (var device in report.Devices)
        {
            counters.Attempts += device.Attempts;
            counters.LastOutcome = device.Outcome;
            counters.LastStatusCode = device.StatusCode;
            counters.LastOutcomeAt = now;
            switch (Enum.TryParse<PushOutcome>(device.Outcome, out var outcome) ? outcome : PushOutcome.Rejected)
            {
                case PushOutcome.Delivered:
                    counters.Delivered++;
                    break;
                case PushOutcome.Gone:
                    counters.Gone++;
                    gone.AddRange(Push.Subscriptions.Where(s => s.Endpoint == device.Endpoint));
                    Push.Subscriptions.RemoveAll(s => s.Endpoint == device.Endpoint);
                    break;
                case PushOutcome.RateLimited:
                    counters.RateLimited++;
                    if (Push.Subscriptions.Find(s => s.Endpoint == device.Endpoint) is { } limited)
                    {
                        // Without Retry-After, the device sits out one deliver period.
                        limited.NotBefore = now + (device.RetryAfter ?? pushOptions.Value.DeliverEvery);
                    }

                    break;
                case PushOutcome.TransientFailure:
                    counters.TransientFailures++;
                    break;
                default:
                    counters.Rejected++;
                    break;
            }
        }

        if (report.Kind == PushKind.Tip && Push.Pushes.Find(p => p.TipId == report.PushId) is { } record)
        {
            record.Delivered = report.AnyDelivered;
        }

        await push.WriteStateAsync();
        if (gone.Count > 0)
        {
            LogDevicesGone(logger, UserId, gone.Count);
            await ReleaseEndpoints(gone);
            await SyncDeliverReminder();
        }
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DeliverReminder)
        {
            await Deliver();
        }
        else if (reminderName == OutboxReminder)
        {
            await ProcessOutbox(CancellationToken.None);
        }
    }

    /// <summary>The <c>deliver</c> reminder runs while notify is on and the user has a device, and only then.</summary>
    private async Task SyncDeliverReminder()
    {
        var wanted = state.RecordExists && State.Settings.Notify && Push.Subscriptions.Count > 0;
        var existing = await this.GetReminder(DeliverReminder);
        if (wanted && existing is null)
        {
            var every = pushOptions.Value.DeliverEvery;
            await this.RegisterOrUpdateReminder(DeliverReminder, every, every);
        }
        else if (!wanted && existing is not null)
        {
            await this.UnregisterReminder(existing);
        }
    }

    /// <summary>Forgets every device and push record, releases the endpoints and stops the reminder (account deletion).</summary>
    private async Task ClearPush()
    {
        if (await this.GetReminder(DeliverReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        var devices = Push.Subscriptions.ToList();
        await push.ClearStateAsync();
        await ReleaseEndpoints(devices);
    }

    private IPushEndpointGrain Endpoint(string endpoint) => GrainFactory.GetGrain<IPushEndpointGrain>(PushEndpointKey.Of(endpoint));

    // After this user's own write, so a failure leaves at worst an owner record a later claim overrides.
    private Task ReleaseEndpoints(IEnumerable<StoredPushSubscription> devices) =>
        Task.WhenAll(devices.Select(d => Endpoint(d.Endpoint).Release(UserId)));

    private async Task<PushAdminView> PushView()
    {
        var counters = Push.Counters;
        var last = Push.Pushes.LastOrDefault(p => p.Counts);
        return new PushAdminView(
            Push.Subscriptions.Count,
            await this.GetReminder(DeliverReminder) is not null,
            Threshold(),
            counters.TipPushes,
            counters.TestPushes,
            counters.Opened,
            counters.Attempts,
            counters.Delivered,
            counters.Gone,
            counters.RateLimited,
            counters.Rejected,
            counters.TransientFailures,
            last?.At,
            counters.LastOutcome,
            counters.LastStatusCode,
            counters.LastOutcomeAt);
    }

    private static PushSubscriptionData Data(StoredPushSubscription s) => new(s.Endpoint, s.P256dh, s.Auth);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId}: pushed tip {TipId} to {Devices} devices")]
    private static partial void LogPushed(ILogger logger, string userId, string tipId, int devices);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} registered a push device that user {PreviousUserId} had; they were told to drop it")]
    private static partial void LogDeviceTakenOver(ILogger logger, string userId, string previousUserId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId}: {Removed} push devices are gone and were removed")]
    private static partial void LogDevicesGone(ILogger logger, string userId, int removed);
}
