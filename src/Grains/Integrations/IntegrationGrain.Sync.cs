using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Sources;
using Orleans.Streams;

namespace OO.Grains.Integrations;

/// <summary>Syncing: the poll reminder, on-demand and webhook-triggered syncs, publishing snapshots, and back-off after faults.</summary>
public sealed partial class IntegrationGrain
{
    Task IIntegrationGrain.RequestSync()
    {
        var now = time.GetUtcNow();
        var last = Max(State.LastSyncAt, _lastAttemptAt);
        if (State.Connected && !State.NeedsReconnection && !Waiting(now)
            && (last is null || now - last.Value >= _options.OnDemandSyncAfter))
        {
            _syncRequested = true;
            Schedule(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    async Task<bool> IIntegrationGrain.AcceptWebhook(string? deliveryKey, string eventName)
    {
        if (!State.Connected)
        {
            IntegrationMetrics.Webhooks.Add(1, new KeyValuePair<string, object?>("outcome", "not-connected"));
            return false;
        }

        if (deliveryKey is not null)
        {
            if (State.RecentDeliveries.Contains(deliveryKey))
            {
                IntegrationMetrics.Webhooks.Add(1, new KeyValuePair<string, object?>("outcome", "duplicate"));
                return false;
            }

            State.RecentDeliveries.Add(deliveryKey);
            if (State.RecentDeliveries.Count > DeliveriesKept)
            {
                State.RecentDeliveries.RemoveRange(0, State.RecentDeliveries.Count - DeliveriesKept);
            }

            await state.WriteStateAsync();
        }

        IntegrationMetrics.Webhooks.Add(1, new KeyValuePair<string, object?>("outcome", "accepted"));
        if (!State.NeedsReconnection)
        {
            _syncRequested = true;
            Schedule(_options.WebhookSyncDelay);
        }

        return true;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != PollReminder)
        {
            return;
        }

        if (!State.Connected || State.NeedsReconnection)
        {
            if (await this.GetReminder(PollReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        var now = time.GetUtcNow();
        IntegrationMetrics.PollLateness.Record(Lateness(status, now.UtcDateTime).TotalMilliseconds);
        if (!sources.TryGet(Provider, out var source))
        {
            return;
        }

        var deadline = now + _options.ProviderCallTimeout;
        await Sync(source, deadline);
        await ProcessCloses(source, deadline);
        ScheduleNextClose();
    }

    /// <summary>
    /// One work turn: a sync if asked for, then the closes that are due. The turn does not interleave, so it
    /// spends at most <see cref="IntegrationOptions.ProviderCallTimeout"/> on the provider in all; what is
    /// left waits for the next turn, and a call into this grain never waits past Orleans' call timeout.
    /// </summary>
    private async Task DoWork(CancellationToken cancellationToken)
    {
        _workDueAt = null;
        if (!State.Connected || !sources.TryGet(Provider, out var source))
        {
            return;
        }

        var deadline = time.GetUtcNow() + _options.ProviderCallTimeout;
        if (_syncRequested)
        {
            _syncRequested = false;
            await Sync(source, deadline);
        }

        await ProcessCloses(source, deadline);
        ScheduleNextClose();
    }

    /// <summary>One poll: fetch, publish a snapshot, or record the fault and when to try again.</summary>
    private async Task Sync(ITaskSource source, DateTimeOffset deadline)
    {
        var now = time.GetUtcNow();
        if (!State.Connected || State.NeedsReconnection || Waiting(now))
        {
            return;
        }

        if (!source.IsAvailable)
        {
            State.LastError = $"{source.DisplayName} is no longer offered on this server.";
            await state.WriteStateAsync();
            return;
        }

        _lastAttemptAt = now;
        try
        {
            var cursor = State.Cursor;
            var poll = await Call(source, deadline, (access, cancellationToken) => source.Poll(access, cursor, cancellationToken));
            var (limited, omitted) = TaskListLimits.Apply(poll.Tasks, _options.MaxTasksPerSource, _options.MaxTitleLength);
            // Before the hash: a meaning filled in later (the engine failed this time) is a change worth publishing.
            var tasks = await WithMeanings(limited, deadline);
            var takenAt = time.GetUtcNow();
            var entries = CalendarEntryMerge.Apply(State.Entries, poll, takenAt, _options.MaxTasksPerSource);
            var hash = entries.Count == 0
                ? TaskListLimits.Hash(tasks, omitted)
                : $"{TaskListLimits.Hash(tasks, omitted)}:{CalendarEntryMerge.Hash(entries)}";
            // The same tasks as the last published snapshot (remembered across activations): nothing for the
            // user grain to apply, except now and then, in case that snapshot was lost with a crashed silo.
            if (hash != State.SnapshotHash || State.SnapshotPublishedAt is not { } published || takenAt - published >= RepublishAfter)
            {
                var snapshot = new TaskSnapshot(source.Name, State.SnapshotVersion + 1, takenAt, tasks) { OmittedCount = omitted, Entries = entries };
                await this.GetStreamProvider(TaskStreams.Provider)
                    .GetStream<TaskSnapshot>(StreamId.Create(TaskStreams.Namespace, UserId))
                    .OnNextAsync(snapshot);
                State.SnapshotVersion = snapshot.Version;
                State.SnapshotHash = hash;
                State.SnapshotPublishedAt = takenAt;
            }

            _lastTasks = tasks;
            _lastTasksAt = takenAt;
            State.Entries = entries;
            State.Cursor = poll.Cursor;
            _lastOmitted = omitted;
            State.LastSyncAt = takenAt;
            State.SyncCount++;
            State.LastError = null;
            State.ConsecutiveFailures = 0;
            State.PollNotBefore = null;
            IntegrationMetrics.Syncs.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
        }
        catch (TaskSourceException ex)
        {
            IntegrationMetrics.Syncs.Add(1, new KeyValuePair<string, object?>("outcome", ex.Fault.ToString()));
            await Fault(source, ex, now);
            PublishFailed(ex.Fault);
            LogPollFailed(logger, this.GetPrimaryKeyString(), ex.Fault, State.PollNotBefore ?? State.RateLimitedUntil);
        }

        await state.WriteStateAsync();
    }

    private async Task Fault(ITaskSource source, TaskSourceException ex, DateTimeOffset now)
    {
        switch (ex.Fault)
        {
            case TaskSourceFault.Unauthorized:
                State.NeedsReconnection = true;
                State.LastError = $"{source.DisplayName} no longer accepts oO's access. Connect it again to resume.";
                _tokens = null;
                if (await this.GetReminder(PollReminder) is { } reminder)
                {
                    await this.UnregisterReminder(reminder);
                }

                break;
            case TaskSourceFault.TokensUnreadable:
                // The person did nothing wrong: their access is stored, this silo cannot read it. Alert, back off, retry.
                IntegrationMetrics.TokensUnreadable.Add(1);
                LogTokensUnreadable(logger, ex, this.GetPrimaryKeyString());
                State.ConsecutiveFailures++;
                State.PollNotBefore = now + Backoff(source.PollInterval, State.ConsecutiveFailures, _options.MaxBackoff);
                State.LastError = $"oO cannot read its stored access to {source.DisplayName} right now; it will try again after {State.PollNotBefore:HH:mm} UTC.";
                break;
            case TaskSourceFault.RateLimited:
                var wait = ex.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero ? retryAfter : source.PollInterval;
                State.RateLimitedUntil = now + wait;
                State.LastError = $"{source.DisplayName} asked oO to slow down; the next sync is after {State.RateLimitedUntil:HH:mm} UTC.";
                break;
            default:
                State.ConsecutiveFailures++;
                State.PollNotBefore = now + Backoff(source.PollInterval, State.ConsecutiveFailures, _options.MaxBackoff);
                State.LastError = ex.Fault == TaskSourceFault.Unavailable
                    ? $"{source.DisplayName} could not be reached; oO will try again after {State.PollNotBefore:HH:mm} UTC."
                    : $"{source.DisplayName} refused to list the tasks; oO will try again after {State.PollNotBefore:HH:mm} UTC.";
                break;
        }
    }

    /// <summary>
    /// How long after its theoretical time (first tick + n periods) a reminder tick runs here; a tick
    /// within half a period before its time counts as on time.
    /// </summary>
    private static TimeSpan Lateness(TickStatus status, DateTime now)
    {
        if (status.Period <= TimeSpan.Zero || now <= status.FirstTickTime)
        {
            return TimeSpan.Zero;
        }

        var sinceFirst = now - status.FirstTickTime;
        var late = TimeSpan.FromTicks(sinceFirst.Ticks % status.Period.Ticks);
        return late > status.Period / 2 ? TimeSpan.Zero : late;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored tokens of {Integration} cannot be decrypted: this silo lacks the Data Protection keys that wrote them (check OO__DataProtection__* and the key store); retrying with back-off")]
    private static partial void LogTokensUnreadable(ILogger logger, Exception exception, string integration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Syncing {Integration} failed ({Fault}); tips keep coming from the last snapshot; next try after {NextTry}")]
    private static partial void LogPollFailed(ILogger logger, string integration, TaskSourceFault fault, DateTimeOffset? nextTry);
}
