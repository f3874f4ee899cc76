using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Identity;
using OO.Grains.Interfaces.Users;
using OO.Grains.Sources.Demo;

namespace OO.Grains.Users;

/// <summary>The account: creation, settings, sessions and deletion.</summary>
public sealed partial class UserGrain
{
    async Task<UserSummary> IUserGrain.EnsureCreated(string email, string login)
    {
        if (state.RecordExists)
        {
            if (State.Logins.Add(login))
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

        if (demoOptions.Value.Enabled)
        {
            await Integration(DemoTaskSource.ProviderName).Connect();
        }

        return Summary();
    }

    Task<UserSettings> IUserGrain.GetSettings() => Task.FromResult(State.Settings);

    Task<string?> IUserGrain.GetSessionStamp()
    {
        if (!state.RecordExists)
        {
            return Task.FromResult<string?>(null);
        }

        // Users created before stamps existed get one the first time a session is checked.
        return State.SessionStamp is { } stamp ? Task.FromResult<string?>(stamp) : IssueStamp();

        async Task<string?> IssueStamp()
        {
            State.SessionStamp = NewSessionStamp();
            await state.WriteStateAsync();
            return State.SessionStamp;
        }
    }

    async Task IUserGrain.RevokeSessions()
    {
        if (state.RecordExists)
        {
            State.SessionStamp = NewSessionStamp();
            await state.WriteStateAsync();
        }
    }

    private static string NewSessionStamp() => Guid.NewGuid().ToString("N");

    async Task<UserSettings> IUserGrain.UpdateSettings(UserSettings settings)
    {
        State.Settings = settings;
        await state.WriteStateAsync();
        await SyncDeliverReminder();
        return settings;
    }

    async Task IUserGrain.Delete()
    {
        // Every source, not only the connected ones: an abandoned connect leaves integration state too.
        await Task.WhenAll(State.Integrations.Union(sources.Names).Select(p => Integration(p).Disconnect()));
        await Task.WhenAll(State.Logins.Select(l => GrainFactory.GetGrain<IIdentityGrain>(l).Forget()));
        await GrainFactory.GetGrain<IFirstUserGrain>(0).Release(UserId);
        await learning.ClearStateAsync();
        await ClearPush();
        await state.ClearStateAsync();
        await analytics.EraseUserAsync(UserId, CancellationToken.None);
        LogDeleted(logger, UserId);
        this.DeactivateOnIdle();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created")]
    private static partial void LogCreated(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} deleted their account")]
    private static partial void LogDeleted(ILogger logger, string userId);
}
