using Orleans.Concurrency;

namespace OO.Grains.Interfaces.Integrations;

/// <summary>
/// One source of one user, keyed by an <see cref="IntegrationKey"/>: it polls the provider on a reminder and
/// publishes each result as a <see cref="Tasks.TaskSnapshot"/> to the user's task stream.
/// </summary>
/// <remarks>
/// The user grain calls this grain; this grain never makes a plain call back into the user grain
/// (only <c>[AlwaysInterleave]</c> reads and one-way hand-backs, repeated until confirmed), so the two
/// can never wait on each other.
/// </remarks>
[Alias("oo.IIntegrationGrain")]
public interface IIntegrationGrain : IGrainWithStringKey
{
    /// <summary>Starts polling (idempotent) and schedules a first sync at once, without waiting for it.</summary>
    [Alias("Connect")]
    Task<IntegrationStatus> Connect();

    /// <summary>How the source is doing; answers even while a slow sync is in flight.</summary>
    [AlwaysInterleave]
    [Alias("GetStatus")]
    Task<IntegrationStatus> GetStatus();

    /// <summary>
    /// Stops polling and forgets everything. It calls no provider, so it answers quickly: revoking the
    /// tokens is a separate, retried <see cref="Revoke"/> from the user grain's outbox.
    /// </summary>
    [Alias("Disconnect")]
    Task Disconnect();

    /// <summary>
    /// Revokes <paramref name="protectedTokens"/> at the provider, bounded well under the grain call timeout.
    /// True when nothing is left to do (revoked, refused for good, or a source without tokens); false when
    /// the provider could not be reached in time and the caller should try again later.
    /// </summary>
    [Alias("Revoke")]
    Task<bool> Revoke(string protectedTokens);

    /// <summary>
    /// Starts an authorization: remembers a single-use, short-lived state value for this user and
    /// returns the provider's authorize URL, or null when the provider is not offered or needs no authorization.
    /// </summary>
    /// <param name="redirectUri">The absolute callback URL the provider sends the browser back to.</param>
    [Alias("BeginAuthorization")]
    Task<string?> BeginAuthorization(string redirectUri);

    /// <summary>
    /// Finishes an authorization: consumes <paramref name="state"/>, exchanges the code and returns the
    /// granted tokens already encrypted, for the user grain to keep. Nothing is stored on any failure.
    /// </summary>
    [Alias("CompleteAuthorization")]
    Task<AuthorizationGrant> CompleteAuthorization(string code, string state, string redirectUri);

    /// <summary>
    /// The user is looking at a tip: sync soon if the last sync is older than the on-demand threshold
    /// (and no back-off or rate limit says otherwise). One-way: the caller never waits for the provider.
    /// </summary>
    [OneWay]
    [Alias("RequestSync")]
    Task RequestSync();

    /// <summary>
    /// A <c>done</c> reaction to a task of this source: records (durably, before answering) that the task
    /// must be closed at the provider exactly once for <paramref name="tipId"/>, then closes it in the
    /// background with retries. The user grain keeps the request in its outbox until this call returns.
    /// </summary>
    [Alias("TaskDone")]
    Task TaskDone(string tipId, string sourceRef);

    /// <summary>
    /// A verified webhook delivery for this user: false when <paramref name="deliveryKey"/> was already
    /// handled (the last few hundred are remembered); otherwise remembers it and schedules a sync. The key
    /// is a hash of the signed body, not the provider's unsigned delivery-id header, which anyone who
    /// replays a captured delivery could change.
    /// </summary>
    [Alias("AcceptWebhook")]
    Task<bool> AcceptWebhook(string? deliveryKey, string eventName);
}
