using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Users;
using OO.Grains.Sources;

namespace OO.Grains.Integrations;

/// <summary>Tokens: borrowed from the user grain, refreshed before they expire, rotated sets handed back.</summary>
public sealed partial class IntegrationGrain
{
    /// <summary>
    /// Runs a call with the user's tokens, refreshing them first when they expire and once after a refusal.
    /// Everything it asks of the provider (refresh, call, retry) ends by <paramref name="deadline"/> and by
    /// <see cref="IntegrationOptions.ProviderCallTimeout"/>: this grain does not interleave, so a provider
    /// that does not answer would otherwise hold up every call into it past Orleans' call timeout. Running
    /// out of time is an outage (<see cref="TaskSourceFault.Unavailable"/>): backed off and tried again.
    /// </summary>
    private async Task<T> Call<T>(ITaskSource source, DateTimeOffset deadline, Func<SourceAccess, CancellationToken, Task<T>> call)
    {
        using var timeout = ProviderTimeout(deadline);
        try
        {
            return await CallCore(source, call, timeout.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            throw new TaskSourceException(TaskSourceFault.Unavailable, $"{source.DisplayName} did not answer in time.", innerException: ex);
        }
    }

    /// <summary>A token cancelled after <see cref="IntegrationOptions.ProviderCallTimeout"/>, or sooner at <paramref name="deadline"/>, on the grain clock.</summary>
    private CancellationTokenSource ProviderTimeout(DateTimeOffset deadline)
    {
        var left = deadline - time.GetUtcNow();
        var bound = left < _options.ProviderCallTimeout ? left : _options.ProviderCallTimeout;
        return new CancellationTokenSource(bound > TimeSpan.Zero ? bound : TimeSpan.Zero, time);
    }

    private async Task<T> CallCore<T>(ITaskSource source, Func<SourceAccess, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        if (!source.RequiresAuthorization)
        {
            return await call(new SourceAccess(UserId, null, State.TimeZone), cancellationToken);
        }

        var tokens = await Tokens()
            ?? throw new TaskSourceException(TaskSourceFault.Unauthorized, "No tokens are stored for this source.");
        var refreshed = false;
        if (tokens.CanRefresh && tokens.ExpiresWithin(RefreshMargin, time.GetUtcNow()))
        {
            tokens = await Refresh(source, tokens, cancellationToken);
            refreshed = true;
        }

        try
        {
            return await call(new SourceAccess(UserId, tokens, State.TimeZone), cancellationToken);
        }
        catch (TaskSourceException ex) when (ex.Fault == TaskSourceFault.Unauthorized && !refreshed && tokens.CanRefresh)
        {
            tokens = await Refresh(source, tokens, cancellationToken);
            return await call(new SourceAccess(UserId, tokens, State.TimeZone), cancellationToken);
        }
    }

    private async Task<SourceTokens> Refresh(ITaskSource source, SourceTokens tokens, CancellationToken cancellationToken)
    {
        var fresh = await source.RefreshTokens(tokens, cancellationToken);
        _tokens = fresh;
        // The old refresh token may be dead now: keep the new set here until the user grain has it.
        State.UnconfirmedTokens = protector.Protect(fresh);
        await state.WriteStateAsync();
        // One-way: the user grain stores the rotated set when it is free; this grain keeps using it meanwhile.
        await GrainFactory.GetGrain<IUserGrain>(UserId).IntegrationTokensRefreshed(Provider, State.UnconfirmedTokens);
        LogRefreshed(logger, this.GetPrimaryKeyString());
        return fresh;
    }

    /// <summary>
    /// The tokens in memory, or a rotated set the user grain has not confirmed yet, or borrowed from the
    /// user grain (an interleaving read, so no call cycle can block).
    /// </summary>
    private async Task<SourceTokens?> Tokens()
    {
        var user = GrainFactory.GetGrain<IUserGrain>(UserId);
        if (State.UnconfirmedTokens is { } rotated)
        {
            if (await user.GetIntegrationTokens(Provider) == rotated)
            {
                // The user grain stored it: it is the keeper again.
                State.UnconfirmedTokens = null;
                await state.WriteStateAsync();
            }
            else
            {
                // The hand-back was lost (or not applied yet): hand it back again, one-way.
                await user.IntegrationTokensRefreshed(Provider, rotated);
            }

            return _tokens ??= protector.Unprotect(rotated);
        }

        if (_tokens is null && await user.GetIntegrationTokens(Provider) is { } protectedTokens)
        {
            _tokens = protector.Unprotect(protectedTokens);
        }

        return _tokens;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Integration} tokens refreshed")]
    private static partial void LogRefreshed(ILogger logger, string integration);
}
