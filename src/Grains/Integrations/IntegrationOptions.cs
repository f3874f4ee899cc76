namespace OO.Grains.Integrations;

/// <summary>How integration grains schedule their work (section <c>OO:Integrations</c>). Poll intervals belong to each source.</summary>
public sealed class IntegrationOptions
{
    public const string Section = "OO:Integrations";

    /// <summary>Opening a tip syncs a source whose last sync (or attempt) is older than this. Default: 60 seconds.</summary>
    public TimeSpan OnDemandSyncAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest pause between polls after repeated outages (5xx, timeouts). Default: 1 hour.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The first delay before closing a task again after a failure; doubles with jitter after that. Default: 30 seconds.</summary>
    public TimeSpan CloseRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between two attempts to close a task. Default: 30 minutes.</summary>
    public TimeSpan CloseRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an authorization's <c>state</c> stays usable. Default: 10 minutes.</summary>
    public TimeSpan AuthorizationLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A webhook's sync waits this long, so a burst of events costs one sync. Default: 2 seconds.</summary>
    public TimeSpan WebhookSyncDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest a grain waits for a provider call (list, close, token refresh, code exchange, revoke), and
    /// the most one integration work turn or one outbox turn spends in all, so no call into a grain that
    /// waits on a provider reaches Orleans' 30-second timeout. A call cut off counts as an outage. At most
    /// 14 seconds: a failed connect may spend it twice (the exchange, then giving the tokens back). Default: 10 seconds.
    /// </summary>
    public TimeSpan ProviderCallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first delay before the user grain retries an outbox promise (hand over a done, revoke); doubles with jitter. Default: 30 seconds.</summary>
    public TimeSpan OutboxRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between two attempts at one outbox promise. Default: 30 minutes.</summary>
    public TimeSpan OutboxRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>At most this many open tasks of one source are kept; the rest are only counted. Default: 500.</summary>
    public int MaxTasksPerSource { get; set; } = 500;

    /// <summary>Longer task titles are cut to this many characters. Default: 500.</summary>
    public int MaxTitleLength { get; set; } = 500;

    /// <summary>
    /// The most one sync waits for the meaning engine to read new task titles (within what is left of the turn's
    /// <see cref="ProviderCallTimeout"/>); titles not read by then are published with meaning 0 and read on a later
    /// sync. Default: 2 seconds (the MiniLM engine reads a few hundred titles in that time on one core).
    /// </summary>
    public TimeSpan MeaningTimeout { get; set; } = TimeSpan.FromSeconds(2);

    internal bool IsValid() =>
        ProviderCallTimeout > TimeSpan.Zero && ProviderCallTimeout <= TimeSpan.FromSeconds(14)
        && OutboxRetryBaseDelay > TimeSpan.Zero && OutboxRetryMaxDelay >= OutboxRetryBaseDelay
        && MaxTasksPerSource > 0 && MaxTitleLength >= 16 && MeaningTimeout > TimeSpan.Zero
        && OnDemandSyncAfter >= TimeSpan.Zero && MaxBackoff > TimeSpan.Zero && CloseRetryBaseDelay > TimeSpan.Zero
        && CloseRetryMaxDelay >= CloseRetryBaseDelay && AuthorizationLifetime > TimeSpan.Zero && WebhookSyncDelay >= TimeSpan.Zero;
}
