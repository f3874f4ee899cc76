using System.Collections.Concurrent;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Sources;

namespace OO.Grains.Tests.Infrastructure;

/// <summary>
/// A task source that needs authorization, scripted per account: its tasks, how many closes fail, whether
/// the first revoke hangs, and token rotation (each refresh invalidates the previous refresh token, as
/// Todoist's does). The authorization code is the account id; tests use the user id.
/// </summary>
public sealed class ScriptedTaskSource(TimeProvider time) : ITaskSource
{
    public const string ProviderName = "scripted";

    private readonly ConcurrentDictionary<string, ScriptedAccount> _accounts = new(StringComparer.Ordinal);

    public string Name => ProviderName;

    public string DisplayName => "Scripted";

    public bool RequiresAuthorization => true;

    public bool IsAvailable => true;

    public TimeSpan PollInterval => TimeSpan.FromMinutes(5);

    public ScriptedAccount Account(string id) => _accounts.GetOrAdd(id, key => new ScriptedAccount(key));

    public Uri BuildAuthorizeUrl(string state, Uri redirectUri) =>
        new($"https://scripted.example/authorize?state={Uri.EscapeDataString(state)}&redirect_uri={Uri.EscapeDataString(redirectUri.AbsoluteUri)}");

    public async Task<SourceTokens> ExchangeCode(string code, Uri redirectUri, CancellationToken cancellationToken)
    {
        var account = Account(code);
        await account.Begin(ScriptedCall.Exchange, time.GetUtcNow(), cancellationToken);
        return account.Issue(time.GetUtcNow());
    }

    public async Task<SourceTokens> RefreshTokens(SourceTokens tokens, CancellationToken cancellationToken)
    {
        var (account, generation) = Parse(tokens.RefreshToken);
        await account.Begin(ScriptedCall.Refresh, time.GetUtcNow(), cancellationToken);
        return account.Refresh(generation, time.GetUtcNow());
    }

    public async Task<SourceAccount> GetAccount(SourceTokens tokens, CancellationToken cancellationToken)
    {
        var account = Parse(tokens.AccessToken).Account;
        await account.Begin(ScriptedCall.Account, time.GetUtcNow(), cancellationToken);
        return new SourceAccount(account.Id, "UTC");
    }

    public async Task<IReadOnlyList<SourceTask>> FetchOpenTasks(SourceAccess access, CancellationToken cancellationToken)
    {
        var account = Authorized(access);
        await account.Begin(ScriptedCall.Fetch, time.GetUtcNow(), cancellationToken);
        return account.Fetch();
    }

    public async Task CompleteTask(SourceAccess access, string sourceRef, CancellationToken cancellationToken)
    {
        var account = Authorized(access);
        await account.Begin(ScriptedCall.Close, time.GetUtcNow(), cancellationToken);
        account.Complete(sourceRef);
    }

    public async Task Revoke(SourceTokens tokens, CancellationToken cancellationToken)
    {
        var account = Parse(tokens.AccessToken).Account;
        if (account.StartRevoke())
        {
            // A provider that does not answer: only the caller's deadline ends the call.
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        account.Revoked(tokens.AccessToken);
    }

    private ScriptedAccount Authorized(SourceAccess access)
    {
        var tokens = access.RequireTokens();
        var (account, generation) = Parse(tokens.AccessToken);
        if (!account.Accepts(generation) || tokens.ExpiresWithin(TimeSpan.Zero, time.GetUtcNow()))
        {
            throw new TaskSourceException(TaskSourceFault.Unauthorized, "The access token is not valid.");
        }

        return account;
    }

    private (ScriptedAccount Account, int Generation) Parse(string? token)
    {
        var parts = token?.Split(':');
        return parts is [_, var id, var generation] && _accounts.TryGetValue(id, out var account)
            ? (account, int.Parse(generation, System.Globalization.CultureInfo.InvariantCulture))
            : throw new TaskSourceException(TaskSourceFault.Unauthorized, "Unknown token.");
    }
}
