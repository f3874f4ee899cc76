using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Users;
using OO.Grains.Sources.Demo;

namespace OO.Grains.Users;

/// <summary>The account: creation, settings, sessions and deletion.</summary>
public sealed partial class UserGrain
{
    async Task<UserSummary?> IUserGrain.EnsureCreated(string email, string login)
    {
        if (State.DeletedAt is not null)
        {
            // A sign-in that raced the deletion, or a login not yet forgotten: this id is never revived.
            return null;
        }

        if (state.RecordExists)
        {
            var addedLogin = State.Logins.Add(login);
            // Accounts made before sessions carried stamps get theirs at their next sign-in.
            var issuedStamp = State.SessionStamp is null;
            State.SessionStamp ??= NewSessionStamp();
            if (addedLogin || issuedStamp)
            {
                await state.WriteStateAsync();
            }

            return Summary();
        }

        State.Email = email;
        State.CreatedAt = time.GetUtcNow();
        State.SessionStamp = NewSessionStamp();
        State.Logins.Add(login);
        if (demoOptions.Value.Enabled)
        {
            State.Integrations.Add(DemoTaskSource.ProviderName);
        }

        await state.WriteStateAsync();
        LogCreated(logger, UserId);
        analytics.UserDirectory(Analytics.UserDirectoryChange.Created(UserId, email, State.CreatedAt, State.Integrations));

        if (demoOptions.Value.Enabled)
        {
            await Integration(DemoTaskSource.ProviderName).Connect();
        }

        return Summary();
    }

    Task<UserSettings> IUserGrain.GetSettings() => Task.FromResult(State.Settings);

    // A pure read, interleaved (see the contract): the session check of every request never waits behind a long turn.
    Task<string?> IUserGrain.GetSessionStamp() => Task.FromResult(Exists ? State.SessionStamp : null);

    async Task IUserGrain.RevokeSessions()
    {
        if (Exists)
        {
            State.SessionStamp = NewSessionStamp();
            await state.WriteStateAsync();

            // A lost phone keeps receiving pushes (tip text included) unless its device goes with the sessions.
            var devices = Push.Subscriptions.ToList();
            if (devices.Count > 0)
            {
                Push.Subscriptions.Clear();
                await push.WriteStateAsync();
                await ReleaseEndpoints(devices);
            }
        }
    }

    private static string NewSessionStamp() => Guid.NewGuid().ToString("N");

    async Task<UserSettings> IUserGrain.UpdateSettings(UserSettings settings)
    {
        var zoneChanged = settings.TimeZone != State.Settings.TimeZone;
        State.Settings = settings;
        await state.WriteStateAsync();
        if (zoneChanged && State.Served.Any(s => s.HasOutcome))
        {
            // The profile reads reaction hours on the person's clock: a new zone moves them.
            RebuildProfile(time.GetUtcNow());
            await learning.WriteStateAsync();
        }

        await SyncDeliverReminder();
        return settings;
    }

    async Task IUserGrain.Delete()
    {
        if (State.DeletedAt is null)
        {
            if (!state.RecordExists)
            {
                return;
            }

            await Tombstone();

            // From here on the reminder brings the grain back to finish (erase, forget the logins) whatever fails below.
            await ArmOutbox();
        }

        // Every source, not only the connected ones: an abandoned connect leaves integration state too.
        // Disconnecting calls no provider; a busy integration grain still runs the queued call after the deadline.
        try
        {
            await Task.WhenAll(sources.Names.Select(p => Integration(p).Disconnect())).WaitAsync(DisconnectDeadline, time);
        }
        catch (TimeoutException error)
        {
            LogDisconnectSlow(logger, error, UserId);
        }

        await TryEraseAnalytics();

        // Last: once the logins are forgotten, the same person signing in gets a new, empty account.
        await ForgetLogins();
        await FinishDeletion();
        LogDeleted(logger, UserId);
    }

    /// <summary>
    /// Erases the account's analytics rows now when the database answers in time; otherwise the promise
    /// recorded with the tombstone stays in the outbox and is retried, so an erasure outlives a slow
    /// database or a crash.
    /// </summary>
    private async Task TryEraseAnalytics()
    {
        var promise = State.Outbox.Find(e => e.Kind == OutboxKind.EraseAnalytics);
        try
        {
            analytics.UserDirectory(Analytics.UserDirectoryChange.Erased(UserId, time.GetUtcNow()));
            await analytics.EraseUserAsync(UserId, CancellationToken.None);
            if (promise is not null)
            {
                State.Outbox.Remove(promise);
            }
        }
        catch (Exception error) when (error is TimeoutException or InvalidOperationException)
        {
            // Not confirmed in time, or the writer is stopping: the promise stays and the outbox retries it.
            LogOutboxFailed(logger, error, UserId, OutboxKind.EraseAnalytics, AnalyticsOutbox);
        }
    }

    /// <summary>
    /// While promises remain (tokens to revoke, logins not yet forgotten) the tombstone stays in this grain's
    /// state; once none do, the state goes too and only the hashed tombstone record remains.
    /// </summary>
    private async Task FinishDeletion()
    {
        if (OutboxOpen)
        {
            await state.WriteStateAsync();
            await ArmOutbox();
            return;
        }

        var deletedAt = State.DeletedAt;
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        State.DeletedAt = deletedAt;
        await ArmOutbox();
        this.DeactivateOnIdle();
    }

    /// <summary>
    /// Clears the account's data in one state write that also records the tokens still to revoke and the
    /// deletion itself, so that whatever fails afterwards, nothing brings the account back.
    /// </summary>
    private async Task Tombstone()
    {
        foreach (var (provider, tokens) in State.IntegrationTokens)
        {
            PromiseRevoke(provider, tokens);
        }

        // A done not yet handed over has no source left to close it in.
        State.Outbox.RemoveAll(e => e.Kind != OutboxKind.RevokeTokens);
        State.DeletedAt = time.GetUtcNow();
        State.Outbox.Add(new OutboxEntry { Kind = OutboxKind.EraseAnalytics, Provider = AnalyticsOutbox, NextAttemptAt = State.DeletedAt.Value });
        await GrainFactory.GetGrain<IUserTombstoneGrain>(IUserTombstoneGrain.KeyOf(UserId)).Record(State.DeletedAt.Value);
        State.SessionStamp = null;
        State.Email = null;
        State.Sources.Clear();
        State.Served.Clear();
        State.HiddenUntil.Clear();
        State.Stats = new UserStats(0, 0, 0, 0);
        State.Settings = UserSettings.Default;
        State.Integrations.Clear();
        State.IntegrationTokens.Clear();
        await state.WriteStateAsync();
        chooser.WithdrawFromPopulation(learning.State);
        await learning.ClearStateAsync();
        await ClearPush();
    }

    /// <summary>How long deletion waits for its sources to stop, well inside the caller's 30 s grain call timeout.</summary>
    private static readonly TimeSpan DisconnectDeadline = TimeSpan.FromSeconds(10);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting user {UserId}: a source did not confirm its disconnect in time; it runs when that source is free")]
    private static partial void LogDisconnectSlow(ILogger logger, Exception exception, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created")]
    private static partial void LogCreated(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} deleted their account")]
    private static partial void LogDeleted(ILogger logger, string userId);
}
