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

    internal bool IsValid() =>
        OnDemandSyncAfter >= TimeSpan.Zero && MaxBackoff > TimeSpan.Zero && CloseRetryBaseDelay > TimeSpan.Zero
        && CloseRetryMaxDelay >= CloseRetryBaseDelay && AuthorizationLifetime > TimeSpan.Zero && WebhookSyncDelay >= TimeSpan.Zero;
}
