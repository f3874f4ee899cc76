using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Sources;

namespace OO.Grains.Integrations;

/// <summary>Connecting: the authorization round trip, the start of polling, and disconnecting (revoking access).</summary>
public sealed partial class IntegrationGrain
{
    async Task<IntegrationStatus> IIntegrationGrain.Connect()
    {
        var source = Source();
        State.Connected = true;
        State.NeedsReconnection = false;
        State.LastError = null;
        State.ConsecutiveFailures = 0;
        State.PollNotBefore = null;
        await state.WriteStateAsync();
        PublishConnected();

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
            await Sync(source, time.GetUtcNow() + _options.ProviderCallTimeout);
        }

        return Status();
    }

    async Task IIntegrationGrain.Disconnect()
    {
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
        PublishDisconnected();
        this.DeactivateOnIdle();
    }

    async Task<bool> IIntegrationGrain.Revoke(string protectedTokens)
    {
        if (!sources.TryGet(Provider, out var source) || !source.RequiresAuthorization || !source.IsAvailable)
        {
            // Nothing this server can revoke: no such source any more.
            return true;
        }

        // Bounded well under the caller's grain call timeout; the caller's outbox tries again later.
        using var timeout = new CancellationTokenSource(_options.ProviderCallTimeout, time);
        try
        {
            // Tokens no key here can read now may become readable once the keys are back: retried, like a slow provider.
            await source.Revoke(protector.Unprotect(protectedTokens), timeout.Token);
            LogRevoked(logger, this.GetPrimaryKeyString());
            return true;
        }
        catch (TaskSourceException ex) when (ex.Fault is TaskSourceFault.Unauthorized or TaskSourceFault.Rejected)
        {
            // Already revoked, or refused for good: asking again gives the same answer.
            LogRevokeFailed(logger, ex, this.GetPrimaryKeyString(), ex.Fault);
            return true;
        }
        catch (TaskSourceException ex)
        {
            LogRevokeFailed(logger, ex, this.GetPrimaryKeyString(), ex.Fault);
            return false;
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            LogRevokeFailed(logger, ex, this.GetPrimaryKeyString(), TaskSourceFault.Unavailable);
            return false;
        }
    }

    async Task<string?> IIntegrationGrain.BeginAuthorization(string redirectUri)
    {
        if (!sources.TryGet(Provider, out var source) || !source.RequiresAuthorization || !source.IsAvailable)
        {
            return null;
        }

        var value = PendingAuthorizations.Begin(State.PendingAuthorizations, time.GetUtcNow(), _options.AuthorizationLifetime);
        await state.WriteStateAsync();
        using var timeout = new CancellationTokenSource(_options.ProviderCallTimeout, time);
        try
        {
            return (await source.BuildAuthorizeUrlAsync(value, new Uri(redirectUri), timeout.Token)).AbsoluteUri;
        }
        catch (Exception ex) when (ex is TaskSourceException || (ex is OperationCanceledException && timeout.IsCancellationRequested))
        {
            // The provider's endpoints could not be looked up: the page says it is not offered right now.
            LogAuthorizationFailed(logger, this.GetPrimaryKeyString(), TaskSourceFault.Unavailable);
            return null;
        }
    }

    async Task<AuthorizationGrant> IIntegrationGrain.CompleteAuthorization(string code, string stateValue, string redirectUri)
    {
        if (!sources.TryGet(Provider, out var source) || !source.RequiresAuthorization || !source.IsAvailable)
        {
            return new AuthorizationGrant(AuthorizationOutcome.NotOffered);
        }

        // Single use: consumed before the exchange, whatever the exchange's outcome.
        var valid = PendingAuthorizations.TryConsume(State.PendingAuthorizations, stateValue, time.GetUtcNow(), out var changed);
        if (changed)
        {
            await state.WriteStateAsync();
        }

        if (!valid)
        {
            return new AuthorizationGrant(AuthorizationOutcome.InvalidState);
        }

        SourceTokens? tokens = null;
        // The OAuth callback waits on this through the user grain: the provider gets part of Orleans' call timeout, not all of it.
        using var timeout = new CancellationTokenSource(_options.ProviderCallTimeout, time);
        try
        {
            tokens = await source.ExchangeCode(code, new Uri(redirectUri), timeout.Token);
            var account = await source.GetAccount(tokens, timeout.Token);
            if (State.AccountId is { } previous && previous != account.Id)
            {
                await GrainFactory.GetGrain<ISourceAccountGrain>($"{Provider}:{previous}").Unlink(UserId);
            }

            await GrainFactory.GetGrain<ISourceAccountGrain>($"{Provider}:{account.Id}").Link(UserId);
            State.AccountId = account.Id;
            State.TimeZone = account.TimeZone;
            // A new grant starts its sync afresh: a cursor and events kept from before may belong to another account.
            State.Cursor = null;
            State.Entries = [];
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
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // Too slow: nobody will store tokens issued meanwhile, so they are given back rather than left live.
            LogAuthorizationFailed(logger, this.GetPrimaryKeyString(), TaskSourceFault.Unavailable);
            if (tokens is not null)
            {
                await TryRevoke(source, tokens);
            }

            return new AuthorizationGrant(AuthorizationOutcome.Unavailable);
        }
    }

    /// <summary>Gives back tokens this grain will not keep; one bounded attempt, a failure is only logged.</summary>
    private async Task TryRevoke(ITaskSource source, SourceTokens tokens)
    {
        using var timeout = new CancellationTokenSource(_options.ProviderCallTimeout, time);
        try
        {
            await source.Revoke(tokens, timeout.Token);
        }
        catch (TaskSourceException ex)
        {
            LogRevokeFailed(logger, ex, this.GetPrimaryKeyString(), ex.Fault);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            LogRevokeFailed(logger, ex, this.GetPrimaryKeyString(), TaskSourceFault.Unavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Integration} authorized")]
    private static partial void LogAuthorized(ILogger logger, string integration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authorizing {Integration} failed ({Fault})")]
    private static partial void LogAuthorizationFailed(ILogger logger, string integration, TaskSourceFault fault);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Integration} access revoked at the provider")]
    private static partial void LogRevoked(ILogger logger, string integration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revoking access of {Integration} failed ({Fault})")]
    private static partial void LogRevokeFailed(ILogger logger, Exception exception, string integration, TaskSourceFault fault);
}
