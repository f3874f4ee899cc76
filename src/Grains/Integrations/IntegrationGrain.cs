using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Sources;
using Orleans.Streams;

namespace OO.Grains.Integrations;

/// <summary>
/// One source of one user (<c>{userId}/{provider}</c>). Polls the source on a reminder and publishes
/// each result as a versioned snapshot to the user's task stream.
/// </summary>
public sealed partial class IntegrationGrain(
    [PersistentState("integration", StorageNames.Default)] IPersistentState<IntegrationState> state,
    TaskSourceRegistry sources,
    TimeProvider time,
    ILogger<IntegrationGrain> logger) : Grain, IIntegrationGrain, IRemindable
{
    private const string PollReminder = "poll";

    private string UserId => this.GetPrimaryKeyString().Split('/')[0];

    private string Provider => this.GetPrimaryKeyString().Split('/')[1];

    async Task<IntegrationStatus> IIntegrationGrain.Connect()
    {
        var source = Source();
        if (!state.State.Connected)
        {
            state.State.Connected = true;
            await state.WriteStateAsync();
        }

        await this.RegisterOrUpdateReminder(PollReminder, source.PollInterval, source.PollInterval);
        await Poll(source);
        return Status();
    }

    Task<IntegrationStatus> IIntegrationGrain.GetStatus() => Task.FromResult(Status());

    async Task IIntegrationGrain.Disconnect()
    {
        if (await this.GetReminder(PollReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await state.ClearStateAsync();
        this.DeactivateOnIdle();
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != PollReminder)
        {
            return;
        }

        if (!state.State.Connected)
        {
            if (await this.GetReminder(PollReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        await Poll(Source());
    }

    private async Task Poll(ITaskSource source)
    {
        try
        {
            var tasks = await source.FetchOpenTasks(UserId, CancellationToken.None);
            var now = time.GetUtcNow();
            var snapshot = new TaskSnapshot(source.Name, state.State.SnapshotVersion + 1, now, tasks);
            await this.GetStreamProvider(TaskStreams.Provider)
                .GetStream<TaskSnapshot>(StreamId.Create(TaskStreams.Namespace, UserId))
                .OnNextAsync(snapshot);

            state.State.SnapshotVersion = snapshot.Version;
            state.State.LastSyncAt = now;
            state.State.SyncCount++;
            state.State.LastError = null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or OperationCanceledException)
        {
            state.State.LastError = ex.Message;
            LogPollFailed(logger, ex, this.GetPrimaryKeyString());
        }

        await state.WriteStateAsync();
    }

    private ITaskSource Source() =>
        sources.TryGet(Provider, out var source)
            ? source
            : throw new InvalidOperationException($"No task source is registered under the name '{Provider}'.");

    private IntegrationStatus Status() =>
        new(Provider, state.State.Connected, state.State.LastSyncAt, state.State.SyncCount, state.State.LastError);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {Integration} failed; tips keep coming from the last snapshot")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string integration);
}
