namespace OO.Grains.Integrations;

/// <summary>
/// What an integration grain persists. Tokens live encrypted in the user grain; the only exception is a
/// rotated set (ciphertext) kept here until the user grain has confirmed storing it.
/// </summary>
[GenerateSerializer, Alias("oo.IntegrationState")]
public sealed class IntegrationState
{
    [Id(0)] public bool Connected { get; set; }
    [Id(1)] public long SnapshotVersion { get; set; }
    [Id(2)] public DateTimeOffset? LastSyncAt { get; set; }
    [Id(3)] public int SyncCount { get; set; }

    /// <summary>The latest sync fault, as a sentence for the user; null after a successful sync.</summary>
    [Id(4)] public string? LastError { get; set; }

    /// <summary>The provider refused the access: polling stopped until the user connects again.</summary>
    [Id(5)] public bool NeedsReconnection { get; set; }

    /// <summary>Outages in a row; drives the exponential back-off between polls.</summary>
    [Id(6)] public int ConsecutiveFailures { get; set; }

    /// <summary>No poll before this moment (back-off after outages).</summary>
    [Id(7)] public DateTimeOffset? PollNotBefore { get; set; }

    /// <summary>No call at all before this moment (the provider's Retry-After).</summary>
    [Id(8)] public DateTimeOffset? RateLimitedUntil { get; set; }

    /// <summary>Tasks done in oO and not yet closed at the provider, oldest first.</summary>
    [Id(9)] public List<PendingClose> PendingCloses { get; set; } = [];

    /// <summary>Tips whose task was closed, newest last (bounded), so a repeated request closes nothing again.</summary>
    [Id(10)] public List<string> ClosedTips { get; set; } = [];

    /// <summary>Authorizations started and not yet finished: SHA-256 of each state value, with its expiry.</summary>
    [Id(11)] public List<PendingAuthorization> PendingAuthorizations { get; set; } = [];

    /// <summary>The provider's id for the connected account (webhooks name it).</summary>
    [Id(12)] public string? AccountId { get; set; }

    /// <summary>The connected account's IANA time zone, for floating due times.</summary>
    [Id(13)] public string? TimeZone { get; set; }

    /// <summary>Recently handled webhook delivery ids, newest last (bounded).</summary>
    [Id(14)] public List<string> RecentDeliveries { get; set; } = [];

    /// <summary>A rotated token set (Data Protection ciphertext) not yet confirmed stored by the user grain.</summary>
    [Id(15)] public string? UnconfirmedTokens { get; set; }

    /// <summary>SHA-256 of the last published snapshot's content: an unchanged source publishes nothing.</summary>
    [Id(16)] public string? SnapshotHash { get; set; }

    /// <summary>When a snapshot was last published.</summary>
    [Id(17)] public DateTimeOffset? SnapshotPublishedAt { get; set; }

    /// <summary>
    /// The meaning of each task title of the last sync, by a 64-bit hash of the title (see <see cref="SnapshotMeanings"/>),
    /// so an unchanged title is not read again; titles the engine could not read are absent and tried on the next sync.
    /// </summary>
    [Id(18)] public Dictionary<string, ulong> Meanings { get; set; } = [];

    /// <summary>The meaning engine that computed <see cref="Meanings"/>: another engine's numbers mean something else, so a change forgets them.</summary>
    [Id(19)] public string? MeaningEngine { get; set; }

    /// <summary>A calendar source's upcoming events as last merged (see <see cref="CalendarEntryMerge"/>); deleted on disconnect.</summary>
    [Id(20)] public List<OO.Grains.Interfaces.Tasks.CalendarEntry> Entries { get; set; } = [];

    /// <summary>The source's cursor of the last poll (a calendar's sync token), handed to the next poll.</summary>
    [Id(21)] public string? Cursor { get; set; }
}
