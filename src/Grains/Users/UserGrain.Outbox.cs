using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Identity;

namespace OO.Grains.Users;

/// <summary>
/// The outbox: promises written in the same state write as the change that made them (a <c>done</c> to
/// close at the source, tokens to revoke) and completed later. A grain timer tries each when it is due;
/// while any is open, a reminder brings the grain back after a deactivation or a crash. Each attempt is
/// one bounded grain call; a failure waits with exponential back-off.
/// </summary>
public sealed partial class UserGrain
{
    private const string OutboxReminder = "outbox";

    /// <summary>The <see cref="OutboxEntry.Provider"/> of promises that concern no source.</summary>
    private const string AnalyticsOutbox = "analytics";

    private IGrainTimer? _outboxTimer;
    private bool? _outboxReminderRegistered;

    /// <summary>True while something is left to finish: an outbox entry, or the logins of a deleted account.</summary>
    private bool OutboxOpen => State.Outbox.Count > 0 || (State.DeletedAt is not null && State.Logins.Count > 0);

    private void PromiseClose(ServedTip served) =>
        State.Outbox.Add(new OutboxEntry
        {
            Kind = OutboxKind.CloseTask,
            Provider = served.Tip.Source,
            TipId = served.Tip.TipId,
            SourceRef = served.Tip.SourceRef,
            NextAttemptAt = time.GetUtcNow(),
        });

    private void PromiseRevoke(string provider, string protectedTokens) =>
        State.Outbox.Add(new OutboxEntry
        {
            Kind = OutboxKind.RevokeTokens,
            Provider = provider,
            ProtectedTokens = protectedTokens,
            NextAttemptAt = time.GetUtcNow(),
        });

    /// <summary>Arms the timer for the next due promise and keeps the reminder registered exactly while the outbox is open.</summary>
    private async Task ArmOutbox()
    {
        if (!OutboxOpen)
        {
            _outboxTimer?.Dispose();
            _outboxTimer = null;
            if (_outboxReminderRegistered != false && await this.GetReminder(OutboxReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _outboxReminderRegistered = false;
            return;
        }

        // Logins that could not be forgotten are tried again after the base delay, never in a tight loop.
        var next = State.Outbox.Count > 0
            ? State.Outbox.Min(e => e.NextAttemptAt)
            : time.GetUtcNow() + integrationOptions.Value.OutboxRetryBaseDelay;
        var dueIn = next - time.GetUtcNow();
        dueIn = dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn;
        if (_outboxTimer is null)
        {
            _outboxTimer = this.RegisterGrainTimer(ProcessOutbox, new GrainTimerCreationOptions(dueIn, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _outboxTimer.Change(dueIn, Timeout.InfiniteTimeSpan);
        }

        if (_outboxReminderRegistered != true)
        {
            // The reminder only wakes the grain: the timer does the work at the right moment.
            var every = OutboxReminderPeriod;
            await this.RegisterOrUpdateReminder(OutboxReminder, every, every);
            _outboxReminderRegistered = true;
        }
    }

    private static TimeSpan OutboxReminderPeriod => TimeSpan.FromMinutes(1);

    /// <summary>
    /// Tries the due promises once each; removes the acknowledged ones, backs off the others. This turn does
    /// not interleave and every request of the user waits for it, so it spends at most
    /// <see cref="Integrations.IntegrationOptions.ProviderCallTimeout"/> in all: a slow callee counts as a
    /// failure, and entries not started in time stay due for the next turn.
    /// </summary>
    private async Task ProcessOutbox(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deadline = now + integrationOptions.Value.ProviderCallTimeout;
        var changed = false;
        foreach (var entry in State.Outbox.Where(e => e.NextAttemptAt <= now).ToList())
        {
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            bool done;
            try
            {
                // Any failure (a timeout, an unreachable silo, a provider error) is retried later.
                done = await Complete(entry).WaitAsync(left, time);
            }
            catch (Exception ex)
            {
                LogOutboxFailed(logger, ex, UserId, entry.Kind, entry.Provider);
                done = false;
            }

            changed = true;
            if (done)
            {
                State.Outbox.Remove(entry);
            }
            else
            {
                entry.Attempts++;
                entry.NextAttemptAt = now + Backoff.Delay(
                    integrationOptions.Value.OutboxRetryBaseDelay, entry.Attempts, integrationOptions.Value.OutboxRetryMaxDelay, _random.NextDouble());
            }
        }

        if (State.DeletedAt is not null)
        {
            await ForgetLogins();
            await FinishDeletion();
            return;
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }

        await ArmOutbox();
    }

    private async Task<bool> Complete(OutboxEntry entry)
    {
        switch (entry.Kind)
        {
            case OutboxKind.CloseTask when entry.TipId is { } tipId && entry.SourceRef is { } sourceRef:
                await Integration(entry.Provider).TaskDone(tipId, sourceRef);
                return true;
            case OutboxKind.RevokeTokens when entry.ProtectedTokens is { } tokens:
                return await Integration(entry.Provider).Revoke(tokens);
            case OutboxKind.EraseAnalytics:
                analytics.UserDirectory(Analytics.UserDirectoryChange.Erased(UserId, time.GetUtcNow()));
                await analytics.EraseUserAsync(UserId, CancellationToken.None);
                return true;
            default:
                // An entry missing what it needs can never complete.
                return true;
        }
    }

    /// <summary>Forgets the logins of a deleted account, last of all; each is removed from the tombstone once forgotten.</summary>
    private async Task ForgetLogins()
    {
        foreach (var login in State.Logins.ToList())
        {
            try
            {
                await GrainFactory.GetGrain<IIdentityGrain>(login).Forget(UserId);
                State.Logins.Remove(login);
            }
            catch (Exception ex)
            {
                // Kept in the tombstone: the outbox reminder tries again.
                LogForgetFailed(logger, ex, UserId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleted user {UserId}: a login could not be forgotten yet; it will be tried again")]
    private static partial void LogForgetFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} could not finish a {Kind} for {Provider} yet; it will try again")]
    private static partial void LogOutboxFailed(ILogger logger, Exception exception, string userId, OutboxKind kind, string provider);
}
