using OO.Grains.Analytics;
using OO.Grains.Events;
using OO.Grains.Interfaces.Events;
using OO.Silo.Analytics;

namespace OO.Silo.Events;

/// <summary>
/// The analytics sink the grains get: every audit row, once written, is mirrored as an <c>admin.action</c> event (the
/// audit row stays the record), and erasing a user erases their events alongside their analytics rows. Wrapping the sink
/// covers every audited write, today's and those added later, without a line in each.
/// </summary>
internal sealed class EventMirroringAnalyticsSink(AnalyticsWriter analytics, EventWriter events) : IAnalyticsSink
{
    private IAnalyticsSink Inner => analytics;

    void IAnalyticsSink.Served(ServedTipRecord record) => Inner.Served(record);

    void IAnalyticsSink.Rewarded(RewardRecord record) => Inner.Rewarded(record);

    void IAnalyticsSink.Generated(GenerationRecord record) => Inner.Generated(record);

    void IAnalyticsSink.UserDirectory(UserDirectoryChange change) => Inner.UserDirectory(change);

    async Task IAnalyticsSink.AuditAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await Inner.AuditAsync(record, cancellationToken);
        ((IEventSink)events).Publish(EventPayload.Create(
            EventSubjects.AdminAction, record.Target, record.At, new { actor = record.Actor, action = record.Action, target = record.Target, detail = record.Detail }));
    }

    /// <summary>
    /// Both erasures are queued at once and waited for together, so the events add no deadline of their own to an account
    /// deletion (theirs, at most 3 s, runs inside the analytics one). If either is not confirmed in time the caller gets
    /// the error and its durable promise (the account's outbox) asks for both again; both are idempotent.
    /// </summary>
    Task IAnalyticsSink.EraseUserAsync(string userId, CancellationToken cancellationToken) =>
        Task.WhenAll(Inner.EraseUserAsync(userId, cancellationToken), events.EraseUserAsync(userId, cancellationToken));
}
