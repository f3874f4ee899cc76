using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Users;
using OO.Grains.Sources;

namespace OO.Grains.Integrations;

/// <summary>Tokens: borrowed from the user grain, refreshed before they expire, rotated sets handed back.</summary>
public sealed partial class IntegrationGrain
{
    /// <summary>Runs a call with the user's tokens, refreshing them first when they expire and once after a refusal.</summary>
    private async Task<T> Call<T>(ITaskSource source, Func<SourceAccess, Task<T>> call)
    {
        if (!source.RequiresAuthorization)
        {
            return await call(new SourceAccess(UserId, null, State.TimeZone));
        }

        var tokens = await Tokens()
            ?? throw new TaskSourceException(TaskSourceFault.Unauthorized, "No tokens are stored for this source.");
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
