using Microsoft.Extensions.DependencyInjection;
using OO.Grains.Events;
using OO.Grains.Interfaces.Events;
using OO.Grains.Interfaces.Push;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;

namespace OO.Grains.Users;

/// <summary>
/// The events this grain publishes to the event log, and the replay of task snapshots. Each is published after the
/// state it reports is written; payloads name tips, sources and counts, never a task's text.
/// </summary>
public sealed partial class UserGrain : IUserEventReplay
{
    private IEventSink? _events;

    /// <summary>The host's event sink; a host without the event log (some grain tests) publishes nothing.</summary>
    private IEventSink? Events => _events ??= ServiceProvider.GetService<IEventSink>();

    async Task<bool> IUserEventReplay.ReapplySnapshot(TaskSnapshot snapshot)
    {
        var before = State.Sources.TryGetValue(snapshot.Source, out var known) ? known.Version : (long?)null;
        await ApplySnapshotCore(snapshot);
        return State.Sources.TryGetValue(snapshot.Source, out var after) && after.Version != before;
    }

    private void Publish(string subject, object payload) =>
        Events?.Publish(EventPayload.Create(subject, UserId, time.GetUtcNow(), payload));

    private void PublishSynced(TaskSnapshot snapshot) =>
        Publish(EventSubjects.TaskSynced, new TaskSyncedPayload(snapshot.Source, snapshot.Version, snapshot.Tasks.Count, snapshot.OmittedCount));

    private void PublishServed(Tip tip, bool viaPush) =>
        Publish(EventSubjects.TipServed, new { tip.TipId, kind = tip.Kind.ToString().ToLowerInvariant(), tip.Source, tip.Policy, tip.Propensity, viaPush });

    private void PublishFeedback(string tipId, Reaction reaction, long? dwellMs, double reward) =>
        Publish(EventSubjects.TipFeedback, new TipFeedbackPayload(tipId, Name(reaction), dwellMs, reward));

    private void PublishCompletedInSource(ServedTip shown) =>
        Publish(EventSubjects.TipCompletedInSource, new { shown.Tip.TipId, shown.Tip.Source, reward = shown.Reward });

    private void PublishPushSent(string tipId, int devices) =>
        Publish(EventSubjects.PushSent, new { tipId, kind = "tip", devices });

    private void PublishPushOutcome(PushDispatchReport report) =>
        Publish(EventSubjects.PushOutcome, new
        {
            tipId = report.Kind == PushKind.Tip ? report.PushId : null,
            kind = report.Kind.ToString().ToLowerInvariant(),
            delivered = report.AnyDelivered,
            // Counts per outcome only: a device's endpoint is a capability URL.
            outcomes = report.Devices.GroupBy(d => d.Outcome).ToDictionary(g => g.Key, g => g.Count()),
        });
}
