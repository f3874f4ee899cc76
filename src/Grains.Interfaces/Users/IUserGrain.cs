using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using Orleans.Concurrency;

namespace OO.Grains.Interfaces.Users;

/// <summary>
/// One person: their tasks, their learning state and their current tip. Keyed by the opaque user id.
/// </summary>
[Alias("oo.IUserGrain")]
public interface IUserGrain : Admin.IUserAdmin, Push.IUserPush
{
    /// <summary>
    /// Creates the user on first sign-in (connecting the demo source where it is on) and remembers
    /// the login that reached it, so that deleting the account forgets the login too. Null when this
    /// id belongs to a deleted account: it is never revived, the login must be given a new id.
    /// </summary>
    [Alias("EnsureCreated")]
    Task<UserSummary?> EnsureCreated(string email, string login);

    /// <summary>The current tip, choosing a new one only when there is none or it expired; null when there is nothing to suggest.</summary>
    [Alias("GetTip")]
    Task<Tip?> GetTip();

    /// <summary>
    /// Why there is no tip: while a connected source has never delivered its tasks, waits for its first
    /// snapshot, at most <paramref name="maxWait"/>, then says how things stand. Interleaving, so the wait
    /// holds no turn: the snapshot it waits for is applied meanwhile.
    /// </summary>
    [AlwaysInterleave]
    [Alias("AwaitTipState")]
    Task<TipState> AwaitTipState(TimeSpan maxWait);

    /// <summary>Records a reaction to a tip served to this user.</summary>
    [Alias("React")]
    Task<FeedbackOutcome> React(string tipId, Reaction reaction, long? dwellMs);

    [Alias("GetSummary")]
    Task<UserSummary> GetSummary();

    /// <summary>
    /// The user's current session stamp, or null when the account does not exist or was deleted. A session
    /// cookie carries the stamp it was issued with; the API refuses it once the two differ.
    /// </summary>
    /// <remarks>
    /// Interleaved: every request checks it, and it must not wait behind a long turn of this grain (a slow
    /// provider call, a full outbox). It only reads one reference, which a turn replaces whole.
    /// </remarks>
    [AlwaysInterleave]
    [Alias("GetSessionStamp")]
    Task<string?> GetSessionStamp();

    /// <summary>Signs the user out everywhere: a new stamp, so every session issued before is refused.</summary>
    [Alias("RevokeSessions")]
    Task RevokeSessions();

    [Alias("GetSettings")]
    Task<UserSettings> GetSettings();

    /// <summary>Saves settings the caller has validated.</summary>
    [Alias("UpdateSettings")]
    Task<UserSettings> UpdateSettings(UserSettings settings);

    /// <summary>The status of every source this user has connected.</summary>
    [Alias("GetIntegrations")]
    Task<IReadOnlyList<IntegrationStatus>> GetIntegrations();

    /// <summary>Stops a source, revokes its access and forgets its tasks. False when it was not connected.</summary>
    [Alias("Disconnect")]
    Task<bool> Disconnect(string provider);

    /// <summary>
    /// Deletes the account: purges the data, stops every source, ends every session, and forgets the
    /// logins last. Revoking the sources' tokens is finished in the background. What remains is a
    /// tombstone: every state-changing call on this id then throws <see cref="UserDeletedException"/>,
    /// and the same login creates a new, empty user.
    /// </summary>
    [Alias("Delete")]
    Task Delete();

    /// <summary>
    /// A task was completed in its source (a webhook said so). If it was shown and got no reaction, that
    /// is a delayed reward; otherwise nothing changes.
    /// </summary>
    [Alias("CompletedInSource")]
    Task<bool> CompletedInSource(string source, string sourceRef);

    /// <summary>Replaces one source's tasks with a newer snapshot; older or repeated versions are ignored.</summary>
    [Alias("ApplySnapshot")]
    Task ApplySnapshot(TaskSnapshot snapshot);

    /// <summary>
    /// Finishes connecting a source after the provider's authorization page: the integration grain checks
    /// the single-use <paramref name="state"/> and exchanges the code; the tokens are kept here, encrypted.
    /// </summary>
    [Alias("CompleteConnect")]
    Task<AuthorizationOutcome> CompleteConnect(string provider, string code, string state, string redirectUri);

    /// <summary>
    /// The encrypted tokens of a source, for its integration grain. Read-only and interleaving, so the
    /// integration grain can borrow them even while this grain is waiting on it.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetIntegrationTokens")]
    Task<string?> GetIntegrationTokens(string provider);

    /// <summary>
    /// The provider rotated a source's tokens: keep the new (encrypted) set. One-way, so the integration grain
    /// never waits here; it keeps the set itself and hands it back again until <see cref="GetIntegrationTokens"/>
    /// returns it, so a lost hand-back loses nothing.
    /// </summary>
    [OneWay]
    [Alias("IntegrationTokensRefreshed")]
    Task IntegrationTokensRefreshed(string provider, string protectedTokens);
}
