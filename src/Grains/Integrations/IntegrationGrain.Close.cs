using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Sources;

namespace OO.Grains.Integrations;

/// <summary>Closing at the source the tasks done in oO, with retries that survive deactivation.</summary>
public sealed partial class IntegrationGrain
{
    async Task IIntegrationGrain.TaskDone(string tipId, string sourceRef)
    {
        if (!State.Connected || !sources.TryGet(Provider, out var source) || !source.RequiresAuthorization
            || State.ClosedTips.Contains(tipId) || State.PendingCloses.Any(p => p.TipId == tipId))
        {
            return;
        }

        var known = _lastTasks?.FirstOrDefault(t => t.SourceRef == sourceRef);
        var close = new PendingClose
        {
            TipId = tipId,
            SourceRef = sourceRef,
            NextAttemptAt = time.GetUtcNow(),
            DueKnown = known is not null,
            DueDate = known?.DueDate,
            DueAt = known?.DueAt,
        };
        State.PendingCloses.Add(close);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not recorded, so not acknowledged: the user grain's outbox asks again, and must not find it here.
            State.PendingCloses.Remove(close);
            throw;
        }

        Schedule(TimeSpan.Zero);
    }

    /// <summary>
    /// Closes the tasks due for an attempt, until <paramref name="deadline"/> (the rest wait for the next
    /// turn); failures wait with exponential back-off and show in the status.
    /// </summary>
    private async Task ProcessCloses(ITaskSource source, DateTimeOffset deadline)
    {
        var now = time.GetUtcNow();
        if (!State.Connected || State.NeedsReconnection || State.PendingCloses.Count == 0 || !source.IsAvailable
            || State.RateLimitedUntil > now)
        {
            return;
        }

        var changed = false;
        foreach (var close in State.PendingCloses.Where(p => p.NextAttemptAt <= now).ToList())
        {
            switch (CloseReconciliation.Decide(close, _lastTasksAt, _lastTasks))
            {
                case CloseStep.WaitForListing:
                    if (Waiting(now))
                    {
                        close.NextAttemptAt = Max(State.PollNotBefore, State.RateLimitedUntil) ?? now;
                        changed = true;
                    }
                    else
                    {
                        _syncRequested = true;
                    }

                    continue;
                case CloseStep.AlreadyClosed:
                    Closed(close);
                    changed = true;
                    continue;
            }

            if (time.GetUtcNow() >= deadline)
            {
                // This turn's time with the provider is spent: the next turn, a second from now, goes on.
                break;
            }

            changed = true;
            close.Attempts++;
            close.LastAttemptAt = now;
            try
            {
                await Call(source, deadline, async (access, cancellationToken) =>
                {
                    await source.CompleteTask(access, close.SourceRef, cancellationToken);
                    return true;
                });
                Closed(close);
                LogClosed(logger, this.GetPrimaryKeyString(), close.TipId, close.Attempts);
            }
            catch (TaskSourceException ex) when (ex.Fault == TaskSourceFault.Rejected)
            {
                // The task is gone or cannot be closed: repeating gives the same answer.
                Closed(close);
                LogCloseRejected(logger, this.GetPrimaryKeyString(), close.TipId);
            }
            catch (TaskSourceException ex) when (ex.Fault == TaskSourceFault.Unavailable)
            {
                close.Uncertain = true;
                close.NextAttemptAt = now + Backoff(_options.CloseRetryBaseDelay, close.Attempts, _options.CloseRetryMaxDelay);
                LogCloseFailed(logger, this.GetPrimaryKeyString(), close.TipId, close.Attempts, close.NextAttemptAt);
            }
            catch (TaskSourceException ex)
            {
                // Unauthorized or rate limited: the close stays pending until the source accepts calls again.
                close.Attempts--;
                await Fault(source, ex, now);
                break;
            }
        }

        if (_syncRequested)
        {
            Schedule(TimeSpan.Zero);
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    private void Closed(PendingClose close)
    {
        State.PendingCloses.Remove(close);
        State.ClosedTips.Add(close.TipId);
        if (State.ClosedTips.Count > ClosedTipsKept)
        {
            State.ClosedTips.RemoveRange(0, State.ClosedTips.Count - ClosedTipsKept);
        }
    }

    private void ScheduleNextClose()
    {
        if (State.Connected && !State.NeedsReconnection && State.PendingCloses.Count > 0
            && sources.TryGet(Provider, out var source) && source.IsAvailable)
        {
            var next = State.PendingCloses.Min(p => p.NextAttemptAt);
            if (State.RateLimitedUntil is { } until && until > next)
            {
                next = until;
            }

            // At least a second apart, so nothing can spin on a close that is due but cannot be attempted yet.
            Schedule(Max(next - time.GetUtcNow(), TimeSpan.FromSeconds(1)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Integration} closed the task of tip {TipId} (attempt {Attempt})")]
    private static partial void LogClosed(ILogger logger, string integration, string tipId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Integration} refused to close the task of tip {TipId}; not retried")]
    private static partial void LogCloseRejected(ILogger logger, string integration, string tipId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Integration} could not close the task of tip {TipId} (attempt {Attempt}); next try at {NextTry}")]
    private static partial void LogCloseFailed(ILogger logger, string integration, string tipId, int attempt, DateTimeOffset nextTry);
}
