using OO.Grains.Analytics;
using OO.Grains.Events;
using OO.Grains.Interfaces.Events;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using OO.Silo.Storage;

namespace OO.Silo.Events;

/// <summary>
/// Delivers a stored event again to the grain it concerns. Idempotent by construction: a task snapshot is re-applied
/// with its integration's current version, which the user grain ignores when it has it; a reaction is folded through
/// the user grain's own reaction path, which folds a tip's reward at most once. Every replay of a stored event is
/// audited (and so published as <c>admin.action</c>).
/// </summary>
internal sealed class EventReplayer(Database database, IGrainFactory grains, IAnalyticsSink analytics, TimeProvider time)
{
    public async Task<ReplayResult> ReplayAsync(long eventId, string actingAdminId, CancellationToken cancellationToken)
    {
        if (await EventLog.FindAsync(database, eventId, cancellationToken) is not { } stored)
        {
            return new ReplayResult(ReplayStatus.NotFound, $"No stored event has id {eventId}.");
        }

        var result = stored switch
        {
            { Subject: EventSubjects.TaskSynced, UserId: { } user } => await ReplaySynced(user, stored.PayloadJson),
            { Subject: EventSubjects.TipFeedback, UserId: { } user } => await ReplayFeedback(user, stored.PayloadJson),
            _ => new ReplayResult(ReplayStatus.NotReplayable, $"A {stored.Subject} event cannot be delivered again; only task snapshots and reactions can."),
        };

        await analytics.AuditAsync(
            new AuditRecord(time.GetUtcNow(), actingAdminId, "event.replay", stored.UserId ?? "", $"event {eventId} ({stored.Subject}): {result.Status}"),
            cancellationToken);
        return result;
    }

    private async Task<ReplayResult> ReplaySynced(string userId, string payloadJson)
    {
        if (EventPayload.Read<TaskSyncedPayload>(payloadJson) is not { Provider: { Length: > 0 } provider })
        {
            return new ReplayResult(ReplayStatus.NotReplayable, "The event's payload names no source.");
        }

        var snapshot = await grains.GetGrain<IIntegrationEventReplay>(new IntegrationKey(userId, provider).ToString()).CurrentSnapshot();
        if (snapshot is null)
        {
            return new ReplayResult(ReplayStatus.NotReplayable, $"The {provider} source is not connected or cannot be read now: there is no snapshot to deliver.");
        }

        return await grains.GetGrain<IUserEventReplay>(userId).ReapplySnapshot(snapshot)
            ? new ReplayResult(ReplayStatus.Replayed, $"The user applied {provider} snapshot version {snapshot.Version} ({snapshot.Tasks.Count} tasks).")
            : new ReplayResult(ReplayStatus.AlreadyApplied, $"The user already had {provider} snapshot version {snapshot.Version}; nothing changed.");
    }

    private async Task<ReplayResult> ReplayFeedback(string userId, string payloadJson)
    {
        if (EventPayload.Read<TipFeedbackPayload>(payloadJson) is not { TipId: { Length: > 0 } tipId } feedback
            || !Enum.TryParse<Reaction>(feedback.Reaction, ignoreCase: true, out var reaction))
        {
            return new ReplayResult(ReplayStatus.NotReplayable, "The event's payload names no tip or no known reaction.");
        }

        var outcome = await grains.GetGrain<IUserGrain>(userId).React(tipId, reaction, feedback.DwellMs);
        return outcome.Status switch
        {
            FeedbackStatus.Recorded => new ReplayResult(ReplayStatus.Replayed, $"The {feedback.Reaction} on tip {tipId} was folded: reward {outcome.Reward:0.###}."),
            FeedbackStatus.AlreadyReacted => new ReplayResult(ReplayStatus.AlreadyApplied, $"Tip {tipId} already has its reaction folded; nothing changed."),
            _ => new ReplayResult(ReplayStatus.NotReplayable, $"Tip {tipId} is no longer in the user's served log."),
        };
    }
}
