using Microsoft.Extensions.DependencyInjection;
using OO.Grains.Events;
using OO.Grains.Interfaces.Events;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Sources;

namespace OO.Grains.Integrations;

/// <summary>The events this grain publishes (connected, disconnected, failed) and the replay of its last snapshot.</summary>
public sealed partial class IntegrationGrain : IIntegrationEventReplay
{
    private IEventSink? _events;
    private int _lastOmitted;

    /// <summary>The host's event sink; a host without the event log (some grain tests) publishes nothing.</summary>
    private IEventSink? Events => _events ??= ServiceProvider.GetService<IEventSink>();

    async Task<TaskSnapshot?> IIntegrationEventReplay.CurrentSnapshot()
    {
        if (!State.Connected || !sources.TryGet(Provider, out var source))
        {
            return null;
        }

        if (_lastTasks is null)
        {
            // Unchanged tasks publish nothing, so after this read the version still names what was last published.
            await Sync(source, time.GetUtcNow() + _options.ProviderCallTimeout);
        }

        return _lastTasks is { } tasks && _lastTasksAt is { } takenAt && State.SnapshotVersion > 0
            ? new TaskSnapshot(Provider, State.SnapshotVersion, takenAt, tasks) { OmittedCount = _lastOmitted, Entries = State.Entries }
            : null;
    }

    private void PublishIntegration(string subject, object payload) =>
        Events?.Publish(EventPayload.Create(subject, UserId, time.GetUtcNow(), payload));

    private void PublishConnected() => PublishIntegration(EventSubjects.IntegrationConnected, new { provider = Provider });

    private void PublishDisconnected() => PublishIntegration(EventSubjects.IntegrationDisconnected, new { provider = Provider });

    /// <summary>The fault's name is the reason; the provider's own message may quote the person's data.</summary>
    private void PublishFailed(TaskSourceFault fault) =>
        PublishIntegration(EventSubjects.IntegrationFailed, new { provider = Provider, reason = fault.ToString() });
}
