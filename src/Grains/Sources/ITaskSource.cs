using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Sources;

/// <summary>
/// A provider of tasks (the demo, Todoist) or of calendar events (Google Calendar). The integration grain drives it: it
/// authorizes, polls, closes and revokes only through this interface, so adding a provider is one
/// implementation registered in DI, and its tests.
/// </summary>
/// <remarks>
/// Faults are <see cref="TaskSourceException"/>s whose <see cref="TaskSourceException.Fault"/> tells the
/// grain what to do (reconnect, wait, back off, give up). Implementations never log tokens or codes.
/// </remarks>
public interface ITaskSource
{
    /// <summary>The provider's name in URLs, grain keys and candidate keys (<c>demo</c>, <c>todoist</c>).</summary>
    string Name { get; }

    /// <summary>The provider's name for people (<c>Todoist</c>).</summary>
    string DisplayName { get; }

    /// <summary>
    /// True when a user connects the source through the provider's OAuth authorization page and the
    /// source needs tokens; false for a source that needs no authorization (the demo), whose OAuth
    /// members then throw <see cref="NotSupportedException"/>.
    /// </summary>
    bool RequiresAuthorization { get; }

    /// <summary>True when this server is configured to offer the source (for Todoist: a client id is set).</summary>
    bool IsAvailable { get; }

    /// <summary>How often the integration grain polls this source.</summary>
    TimeSpan PollInterval { get; }

    /// <summary>The provider's authorize URL for the browser, carrying <paramref name="state"/> and the scopes.</summary>
    Uri BuildAuthorizeUrl(string state, Uri redirectUri);

    /// <summary>
    /// The authorize URL, for a provider whose endpoints must be looked up first (Google's discovery document).
    /// The default builds it with <see cref="BuildAuthorizeUrl"/>.
    /// </summary>
    Task<Uri> BuildAuthorizeUrlAsync(string state, Uri redirectUri, CancellationToken cancellationToken) =>
        Task.FromResult(BuildAuthorizeUrl(state, redirectUri));

    /// <summary>Exchanges an authorization code for tokens (once: a code works once).</summary>
    Task<SourceTokens> ExchangeCode(string code, Uri redirectUri, CancellationToken cancellationToken);

    /// <summary>Trades the refresh token for a new set; the refresh token may rotate, so keep the result.</summary>
    Task<SourceTokens> RefreshTokens(SourceTokens tokens, CancellationToken cancellationToken);

    /// <summary>The provider's account behind the tokens: its id (webhooks name it) and time zone.</summary>
    Task<SourceAccount> GetAccount(SourceTokens tokens, CancellationToken cancellationToken);

    /// <summary>Every open task of the user at this source, following any paging.</summary>
    Task<IReadOnlyList<SourceTask>> FetchOpenTasks(SourceAccess access, CancellationToken cancellationToken);

    /// <summary>
    /// One poll. <paramref name="cursor"/> is what the previous poll returned as <see cref="SourcePoll.Cursor"/>
    /// (null the first time, after a disconnect, or when a source asked to start over). A task source need not
    /// implement it: the default lists the open tasks. A calendar overrides it to return events, incrementally.
    /// </summary>
    async Task<SourcePoll> Poll(SourceAccess access, string? cursor, CancellationToken cancellationToken) =>
        new(await FetchOpenTasks(access, cancellationToken));

    /// <summary>Completes one task at the source. Not repeated on its own: the caller decides on retries.</summary>
    Task CompleteTask(SourceAccess access, string sourceRef, CancellationToken cancellationToken);

    /// <summary>Revokes the tokens at the provider; revoking revoked tokens succeeds.</summary>
    Task Revoke(SourceTokens tokens, CancellationToken cancellationToken);
}
