using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Push;
using OO.Grains.Interfaces.Users;
using OO.Push;
using Orleans.Concurrency;

namespace OO.Grains.Push;

/// <summary>
/// Sends pushes with <see cref="WebPushSender"/> (encryption, VAPID, bounded retries, metrics) on
/// behalf of user grains and reports each outcome back to the user grain. Stateless, so it is
/// reentrant: one slow push service never queues the others.
/// </summary>
[StatelessWorker, Reentrant]
public sealed partial class PushDispatcherGrain(WebPushSender sender, ILogger<PushDispatcherGrain> logger) : Grain, IPushDispatcherGrain
{
    Task IPushDispatcherGrain.Dispatch(PushDispatch dispatch) => SendAndReport(dispatch);

    Task<PushDispatchReport> IPushDispatcherGrain.Send(PushDispatch dispatch) => SendAndReport(dispatch);

    private async Task<PushDispatchReport> SendAndReport(PushDispatch dispatch)
    {
        var message = PushMessage.FromText(dispatch.Payload) with
        {
            TimeToLive = dispatch.TimeToLive,
            Topic = dispatch.Topic is null ? null : PushTopic.IsValid(dispatch.Topic) ? dispatch.Topic : PushTopic.FromKey(dispatch.Topic),
        };
        var devices = await Task.WhenAll(dispatch.Subscriptions.Select(s => SendOne(dispatch, s, message)));
        var report = new PushDispatchReport(dispatch.PushId, dispatch.Kind, devices);
        // One-way: a test push's request waits for the sends (bounded by PushOptions.TotalTimeout), never
        // for the user grain's queue, so it stays under the grain call timeout.
        await GrainFactory.GetGrain<IUserGrain>(dispatch.UserId).RecordPushReport(report);
        return report;
    }

    private async Task<PushDeviceOutcome> SendOne(PushDispatch dispatch, PushSubscriptionData device, PushMessage message)
    {
        // One endpoint, one user, checked where it matters: a device another user has registered
        // since is not this user's any more, even if telling this user's grain failed. Reported as
        // gone, so the user grain drops it.
        var owner = await GrainFactory.GetGrain<IPushEndpointGrain>(PushEndpointKey.Of(device.Endpoint)).GetOwner();
        if (owner is not null && owner != dispatch.UserId)
        {
            LogTakenOver(logger, dispatch.UserId);
            return new PushDeviceOutcome(device.Endpoint, nameof(PushOutcome.Gone), null, 0, null);
        }

        try
        {
            var result = await sender.SendAsync(new PushSubscription(device.Endpoint, device.P256dh, device.Auth), message);
            if (result.Outcome != PushOutcome.Delivered)
            {
                LogNotDelivered(logger, dispatch.UserId, dispatch.Kind, result.Outcome, result.StatusCode, result.Attempts);
            }

            return new PushDeviceOutcome(device.Endpoint, result.Outcome.ToString(), result.StatusCode, result.Attempts, result.RetryAfter);
        }
        catch (ArgumentException)
        {
            // A subscription that cannot be pushed to (it passed validation once, so this is rare): the
            // same answer a push service gives for a refused request, which removes nothing.
            LogUnusable(logger, dispatch.UserId);
            return new PushDeviceOutcome(device.Endpoint, nameof(PushOutcome.Rejected), null, 0, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push ({Kind}) to a device of user {UserId} was not delivered: {Outcome}, status {StatusCode}, {Attempts} attempts")]
    private static partial void LogNotDelivered(ILogger logger, string userId, PushKind kind, PushOutcome outcome, int? statusCode, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "A push device of user {UserId} belongs to another user now; not sent, and removed")]
    private static partial void LogTakenOver(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A push subscription of user {UserId} cannot be pushed to; skipped")]
    private static partial void LogUnusable(ILogger logger, string userId);
}
