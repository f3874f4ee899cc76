using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Users;
using OO.Grains.Sources;
using Orleans.Streams;

namespace OO.Grains.Integrations;

/// <summary>
/// One source of one user (<c>{userId}/{provider}</c>). Polls the source on a reminder (and soon after a
/// tip is opened or a webhook arrives, on a grain timer), publishes each result as a versioned snapshot
/// to the user's task stream, closes tasks done in oO, and owns the back-off after faults.
/// </summary>
/// <remarks>
/// Tokens are kept decrypted in memory only. After an activation they are borrowed from the user grain
/// through its <c>[AlwaysInterleave]</c> read, and a refreshed set is handed back one-way: this grain never
/// waits on a plain call to the user grain, which itself calls this grain.
/// </remarks>
// Polls come every few minutes on a reminder, which reactivates the grain: between polls it need not
// hold memory (everything it must remember is in its state), so it is collected after two idle minutes.
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class IntegrationGrain(
    [PersistentState("integration", StorageNames.Default)] IPersistentState<IntegrationState> state,
    TaskSourceRegistry sources,
    IntegrationTokenProtector protector,
    IOptions<IntegrationOptions> options,
    TimeProvider time,
    ILogger<IntegrationGrain> logger) : Grain, IIntegrationGrain, IRemindable
{
    private const string PollReminder = "poll";
    private const int ClosedTipsKept = 100;
    private const int DeliveriesKept = 200;
    private const int AuthorizationsKept = 5;

    /// <summary>Tokens expiring this soon are refreshed before a call.</summary>
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    private readonly IntegrationOptions _options = options.Value;
    private readonly Random _random = new();

    private SourceTokens? _tokens;
    private IGrainTimer? _work;
    private DateTimeOffset? _workDueAt;
    private bool _syncRequested;
    private DateTimeOffset? _lastAttemptAt;
    private IReadOnlyList<SourceTask>? _lastTasks;
    private DateTimeOffset? _lastTasksAt;

    private IntegrationState State => state.State;

    private string UserId => this.GetPrimaryKeyString().Split('/')[0];

    private string Provider => this.GetPrimaryKeyString().Split('/')[1];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Closes left pending by an earlier activation resume without waiting for the next reminder.
        if (State.Connected && State.PendingCloses.Count > 0)
        {
            Schedule(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    async Task<IntegrationStatus> IIntegrationGrain.Connect()
    {
        var source = Source();
        State.Connected = true;
        State.NeedsReconnection = false;
        State.LastError = null;
        State.ConsecutiveFailures = 0;
        State.PollNotBefore = null;
        await state.WriteStateAsync();

        // Spread the first ticks over the interval, so users connected together are not polled together.
        var firstTick = source.PollInterval * (0.5 + (_random.NextDouble() / 2));
        await this.RegisterOrUpdateReminder(PollReminder, firstTick, source.PollInterval);
        if (source.RequiresAuthorization)
        {
            // The caller (the OAuth callback) does not wait for the provider.
            _syncRequested = true;
            Schedule(TimeSpan.Zero);
        }
        else
        {
            await Sync(source);
        }

        return Status();
    }

    Task<IntegrationStatus> IIntegrationGrain.GetStatus() => Task.FromResult(Status());

    async Task IIntegrationGrain.Disconnect()
    {
        if (sources.TryGet(Provider, out var source) && source.RequiresAuthorization && source.IsAvailable)
        {
            try
            {
                if (await Tokens() is { } tokens)
                {
                    await source.Revoke(tokens, CancellationToken.None);
                }
            }
            catch (TaskSourceException ex)
            {
                // The user asked to disconnect: forget everything here even when the provider cannot be told.
                LogRevokeFailed(logger, ex, this.GetPrimaryKeyString(), ex.Fault);
            }
        }

        if (await this.GetReminder(PollReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        if (State.AccountId is { } accountId)
        {
            await GrainFactory.GetGrain<ISourceAccountGrain>($"{Provider}:{accountId}").Unlink(UserId);
        }

        _work?.Dispose();
        _work = null;
        _tokens = null;
        _lastTasks = null;
        await state.ClearStateAsync();
        this.DeactivateOnIdle();
    }

    async Task<string?> IIntegrationGrain.BeginAuthorization(string redirectUri)
    {
        if (!sources.TryGet(Provider, out var source) || !source.RequiresAuthorization || !source.IsAvailable)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var value = Base64Url(RandomNumberGenerator.GetBytes(32));
        State.PendingAuthorizations.RemoveAll(p => p.ExpiresAt <= now);
        State.PendingAuthorizations.Add(new PendingAuthorization { StateHash = Hash(value), ExpiresAt = now + _options.AuthorizationLifetime });
        if (State.PendingAuthorizations.Count > AuthorizationsKept)
        {
            State.PendingAuthorizations.RemoveRange(0, State.PendingAuthorizations.Count - AuthorizationsKept);
        }

        await state.WriteStateAsync();
        return source.BuildAuthorizeUrl(value, new Uri(redirectUri)).AbsoluteUri;
    }

    async Task<AuthorizationGrant> IIntegrationGrain.CompleteAuthorization(string code, string stateValue, string redirectUri)
    {
        if (!sources.TryGet(Provider, out var source) || !source.RequiresAuthorization || !source.IsAvailable)
        {
            return new AuthorizationGrant(AuthorizationOutcome.NotOffered);
        }

        var now = time.GetUtcNow();
        var hash = Hash(stateValue);
        var pending = State.PendingAuthorizations.FirstOrDefault(p => p.ExpiresAt > now && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(p.StateHash), Encoding.ASCII.GetBytes(hash)));
        var expired = State.PendingAuthorizations.RemoveAll(p => p.ExpiresAt <= now);
        if (pending is null)
        {
            if (expired > 0)
            {
                await state.WriteStateAsync();
            }

            return new AuthorizationGrant(AuthorizationOutcome.InvalidState);
        }

        // Single use: consumed before the exchange, whatever the exchange's outcome.
        State.PendingAuthorizations.Remove(pending);
        await state.WriteStateAsync();

        SourceTokens? tokens = null;
        try
        {
            tokens = await source.ExchangeCode(code, new Uri(redirectUri), CancellationToken.None);
            var account = await source.GetAccount(tokens, CancellationToken.None);
            if (State.AccountId is { } previous && previous != account.Id)
            {
                await GrainFactory.GetGrain<ISourceAccountGrain>($"{Provider}:{previous}").Unlink(UserId);
            }

            await GrainFactory.GetGrain<ISourceAccountGrain>($"{Provider}:{account.Id}").Link(UserId);
            State.AccountId = account.Id;
            State.TimeZone = account.TimeZone;
            await state.WriteStateAsync();
            _tokens = tokens;
            LogAuthorized(logger, this.GetPrimaryKeyString());
            return new AuthorizationGrant(AuthorizationOutcome.Granted, protector.Protect(tokens));
        }
        catch (TaskSourceException ex)
        {
            LogAuthorizationFailed(logger, this.GetPrimaryKeyString(), ex.Fault);
            if (tokens is not null)
            {
                await TryRevoke(source, tokens);
            }

            return new AuthorizationGrant(ex.Fault is TaskSourceFault.Unauthorized or TaskSourceFault.Rejected
                ? AuthorizationOutcome.Refused
                : AuthorizationOutcome.Unavailable);
        }
    }

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

    async Task IIntegrationGrain.TaskDone(string tipId, string sourceRef)
    {
        if (!State.Connected || !sources.TryGet(Provider, out var source) || !source.RequiresAuthorization
            || State.ClosedTips.Contains(tipId) || State.PendingCloses.Any(p => p.TipId == tipId))
        {
            return;
        }

        var known = _lastTasks?.FirstOrDefault(t => t.SourceRef == sourceRef);
        State.PendingCloses.Add(new PendingClose
        {
            TipId = tipId,
            SourceRef = sourceRef,
            NextAttemptAt = time.GetUtcNow(),
            DueKnown = known is not null,
            DueDate = known?.DueDate,
            DueAt = known?.DueAt,
        });
        await state.WriteStateAsync();
        Schedule(TimeSpan.Zero);
    }

    async Task<bool> IIntegrationGrain.AcceptWebhook(string? deliveryId, string eventName)
    {
        if (!State.Connected)
        {
            return false;
        }

        if (deliveryId is not null)
        {
            if (State.RecentDeliveries.Contains(deliveryId))
            {
                return false;
            }

            State.RecentDeliveries.Add(deliveryId);
            if (State.RecentDeliveries.Count > DeliveriesKept)
            {
                State.RecentDeliveries.RemoveRange(0, State.RecentDeliveries.Count - DeliveriesKept);
            }

            await state.WriteStateAsync();
        }

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

        await Sync(source);
        await ProcessCloses(source);
        ScheduleNextClose();
    }

    private async Task DoWork(CancellationToken cancellationToken)
    {
        _workDueAt = null;
        if (!State.Connected || !sources.TryGet(Provider, out var source))
        {
            return;
        }

        if (_syncRequested)
        {
            _syncRequested = false;
            await Sync(source);
        }

        await ProcessCloses(source);
        ScheduleNextClose();
    }

    /// <summary>One poll: fetch, publish a snapshot, or record the fault and when to try again.</summary>
    private async Task Sync(ITaskSource source)
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
            var tasks = await Call(source, access => source.FetchOpenTasks(access, CancellationToken.None));
            var takenAt = time.GetUtcNow();
            // The same tasks as the snapshot this activation last published: nothing for the user grain to apply.
            if (_lastTasks is null || !_lastTasks.SequenceEqual(tasks))
            {
                var snapshot = new TaskSnapshot(source.Name, State.SnapshotVersion + 1, takenAt, tasks);
                await this.GetStreamProvider(TaskStreams.Provider)
                    .GetStream<TaskSnapshot>(StreamId.Create(TaskStreams.Namespace, UserId))
                    .OnNextAsync(snapshot);
                State.SnapshotVersion = snapshot.Version;
            }

            _lastTasks = tasks;
            _lastTasksAt = takenAt;
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
            LogPollFailed(logger, this.GetPrimaryKeyString(), ex.Fault, State.PollNotBefore ?? State.RateLimitedUntil);
        }

        await state.WriteStateAsync();
    }

    /// <summary>Closes the tasks due for an attempt; failures wait with exponential back-off and show in the status.</summary>
    private async Task ProcessCloses(ITaskSource source)
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
            if (close.Uncertain)
            {
                if (_lastTasksAt is not { } listedAt || listedAt <= close.LastAttemptAt)
                {
                    // Only a listing taken after the unclear attempt tells whether it closed the task.
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
                }

                var listed = _lastTasks?.FirstOrDefault(t => t.SourceRef == close.SourceRef);
                if (listed is null || (close.DueKnown && (listed.DueDate != close.DueDate || listed.DueAt != close.DueAt)))
                {
                    Closed(close);
                    changed = true;
                    continue;
                }
            }

            changed = true;
            close.Attempts++;
            close.LastAttemptAt = now;
            try
            {
                await Call(source, async access =>
                {
                    await source.CompleteTask(access, close.SourceRef, CancellationToken.None);
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

    /// <summary>Runs a call with the user's tokens, refreshing them first when they expire and once after a refusal.</summary>
    private async Task<T> Call<T>(ITaskSource source, Func<SourceAccess, Task<T>> call)
    {
        if (!source.RequiresAuthorization)
        {
            return await call(new SourceAccess(UserId, null, State.TimeZone));
        }

        var tokens = await Tokens()
            ?? throw new TaskSourceException(TaskSourceFault.Unauthorized, "No readable tokens are stored for this source.");
        var refreshed = false;
        if (tokens.CanRefresh && tokens.ExpiresWithin(RefreshMargin, time.GetUtcNow()))
        {
            tokens = await Refresh(source, tokens);
            refreshed = true;
        }

        try
        {
            return await call(new SourceAccess(UserId, tokens, State.TimeZone));
        }
        catch (TaskSourceException ex) when (ex.Fault == TaskSourceFault.Unauthorized && !refreshed && tokens.CanRefresh)
        {
            tokens = await Refresh(source, tokens);
            return await call(new SourceAccess(UserId, tokens, State.TimeZone));
        }
    }

    private async Task<SourceTokens> Refresh(ITaskSource source, SourceTokens tokens)
    {
        var fresh = await source.RefreshTokens(tokens, CancellationToken.None);
        _tokens = fresh;
        // One-way: the user grain stores the rotated set when it is free; this grain keeps using it meanwhile.
        await GrainFactory.GetGrain<IUserGrain>(UserId).IntegrationTokensRefreshed(Provider, protector.Protect(fresh));
        LogRefreshed(logger, this.GetPrimaryKeyString());
        return fresh;
    }

    /// <summary>The tokens in memory, or borrowed from the user grain (an interleaving read, so no call cycle can block).</summary>
    private async Task<SourceTokens?> Tokens()
    {
        if (_tokens is null && await GrainFactory.GetGrain<IUserGrain>(UserId).GetIntegrationTokens(Provider) is { } protectedTokens)
        {
            _tokens = protector.Unprotect(protectedTokens);
        }

        return _tokens;
    }

    private async Task TryRevoke(ITaskSource source, SourceTokens tokens)
    {
        try
        {
            await source.Revoke(tokens, CancellationToken.None);
        }
        catch (TaskSourceException ex)
        {
            LogRevokeFailed(logger, ex, this.GetPrimaryKeyString(), ex.Fault);
        }
    }

    private bool Waiting(DateTimeOffset now) => State.RateLimitedUntil > now || State.PollNotBefore > now;

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

    /// <summary>Arms the one work timer, unless it is already due sooner.</summary>
    private void Schedule(TimeSpan dueIn)
    {
        var dueAt = time.GetUtcNow() + dueIn;
        if (_workDueAt is { } armed && armed <= dueAt)
        {
            return;
        }

        _workDueAt = dueAt;
        if (_work is null)
        {
            _work = this.RegisterGrainTimer(DoWork, new GrainTimerCreationOptions(dueIn, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _work.Change(dueIn, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Exponential back-off with jitter: between a half and the whole of <c>first × 2^(attempt-1)</c>, capped.</summary>
    private TimeSpan Backoff(TimeSpan first, int attempt, TimeSpan max)
    {
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (_random.NextDouble() / 2)));
    }

    private ITaskSource Source() =>
        sources.TryGet(Provider, out var source)
            ? source
            : throw new InvalidOperationException($"No task source is registered under the name '{Provider}'.");

    private IntegrationStatus Status()
    {
        ITaskSource? source = sources.TryGet(Provider, out var found) ? found : null;
        var displayName = source?.DisplayName ?? Provider;
        var closeError = State.PendingCloses.Count(p => p.Attempts > 0) switch
        {
            0 => null,
            1 => $"A task you did in oO is not closed in {displayName} yet; oO keeps trying.",
            var n => $"{n} tasks you did in oO are not closed in {displayName} yet; oO keeps trying.",
        };
        return new IntegrationStatus(
            Provider,
            State.Connected,
            State.LastSyncAt,
            State.SyncCount,
            State.LastError ?? closeError,
            State.NeedsReconnection,
            source?.RequiresAuthorization ?? false,
            displayName);
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

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Warning, Message = "Syncing {Integration} failed ({Fault}); tips keep coming from the last snapshot; next try after {NextTry}")]
    private static partial void LogPollFailed(ILogger logger, string integration, TaskSourceFault fault, DateTimeOffset? nextTry);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Integration} authorized")]
    private static partial void LogAuthorized(ILogger logger, string integration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authorizing {Integration} failed ({Fault})")]
    private static partial void LogAuthorizationFailed(ILogger logger, string integration, TaskSourceFault fault);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Integration} tokens refreshed")]
    private static partial void LogRefreshed(ILogger logger, string integration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revoking access of {Integration} failed ({Fault}); forgotten here anyway")]
    private static partial void LogRevokeFailed(ILogger logger, Exception exception, string integration, TaskSourceFault fault);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Integration} closed the task of tip {TipId} (attempt {Attempt})")]
    private static partial void LogClosed(ILogger logger, string integration, string tipId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Integration} refused to close the task of tip {TipId}; not retried")]
    private static partial void LogCloseRejected(ILogger logger, string integration, string tipId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Integration} could not close the task of tip {TipId} (attempt {Attempt}); next try at {NextTry}")]
    private static partial void LogCloseFailed(ILogger logger, string integration, string tipId, int attempt, DateTimeOffset nextTry);
}
