namespace OO.Push;

/// <summary>
/// Web Push settings, bound by the host from the configuration section <c>OO:Push</c>
/// (<see cref="SectionName"/>). Every default below is the value used when the key is absent.
/// </summary>
public sealed class PushOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "OO:Push";

    /// <summary>
    /// The VAPID public key, base64url (65-byte uncompressed P-256 point). Default: none, in
    /// which case the pair is loaded from (or generated into) <see cref="KeyDirectory"/>.
    /// Set it together with <see cref="VapidPrivateKey"/> or not at all.
    /// </summary>
    public string? VapidPublicKey { get; set; }

    /// <summary>The VAPID private key, base64url (32 bytes). Default: none (see <see cref="VapidPublicKey"/>).</summary>
    public string? VapidPrivateKey { get; set; }

    /// <summary>
    /// The contact sent as the VAPID <c>sub</c> claim: a <c>mailto:</c> or <c>https:</c> URI that
    /// push services use to reach the operator. Default: <c>mailto:push@localhost</c>, which is
    /// fine for development; a deployment should set a real address (push services may refuse a placeholder).
    /// </summary>
    public string Subject { get; set; } = "mailto:push@localhost";

    /// <summary>
    /// Where the generated VAPID key pair is kept (file <c>vapid-keys.json</c>) when the keys are
    /// not configured. Default: <c>data</c>, the embedded default's data directory.
    /// </summary>
    public string KeyDirectory { get; set; } = "data";

    /// <summary>How often the user grain's <c>deliver</c> reminder asks whether to push. Default: 15 minutes.</summary>
    public TimeSpan DeliverEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The least time between two pushes to one user. Default: 2 hours.</summary>
    public TimeSpan MinGap { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// No push this long before a busy calendar event starts (nor during it): the person is getting ready.
    /// Default: 10 minutes.
    /// </summary>
    public TimeSpan MeetingLead { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Pushes per user per local day when the user has not chosen a cap. Default: 3.</summary>
    public int DefaultDailyCap { get; set; } = 3;

    /// <summary>
    /// The interrupt threshold a new user starts with: a candidate's expected reward must exceed
    /// it to be pushed. Rewards run from −0.5 (dismiss) to +1.0 (done quickly). Default: 0.5.
    /// </summary>
    public double DefaultInterruptThreshold { get; set; } = 0.5;

    /// <summary>The lowest the threshold can adapt to, so pushes never become routine. Default: 0.2.</summary>
    public double MinInterruptThreshold { get; set; } = 0.2;

    /// <summary>The highest the threshold can adapt to, so a good tip can still get through. Default: 0.95.</summary>
    public double MaxInterruptThreshold { get; set; } = 0.95;

    /// <summary>How much a push that was opened and acted on lowers the threshold. Default: 0.02.</summary>
    public double ThresholdDecreaseOnAct { get; set; } = 0.02;

    /// <summary>
    /// How much an ignored or dismissed push raises the threshold. Default: 0.05 — larger than
    /// the decrease, because an unwanted interruption costs more than a missed one.
    /// </summary>
    public double ThresholdIncreaseOnIgnore { get; set; } = 0.05;

    /// <summary>
    /// How far the person's usual hours move the threshold (see <see cref="ProfileThreshold"/>): at most this much
    /// lower at their usual hour and this much higher far from it, for someone perfectly regular with a long
    /// history. Default: 0.15 (a sixth of the reward scale); 0 turns timing off.
    /// </summary>
    public double ActiveHoursWeight { get; set; } = 0.15;

    /// <summary>
    /// How far the completion rate moves the threshold: this much lower for someone who does everything they
    /// react to, this much higher for someone who does nothing, with a long history. Default: 0.05; 0 turns it off.
    /// </summary>
    public double CompletionRateWeight { get; set; } = 0.05;

    /// <summary>How many reactions give the profile half its weight in the threshold (n / (n + this)). Default: 10.</summary>
    public double ProfileHalfWeightReactions { get; set; } = 10;

    /// <summary>How long the push service keeps an undelivered message (the <c>TTL</c> header). Default: 4 hours.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Lifetime of a VAPID token (its <c>exp</c>); RFC 8292 allows at most 24 hours. Default: 12 hours.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// HTTP attempts per message, the first included, before a 5xx or timeout becomes
    /// <see cref="PushOutcome.TransientFailure"/>. Default: 3.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; each next one doubles, with jitter. Default: 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The limit of one HTTP attempt before it counts as a timeout. Default: 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The limit of one message, every attempt, back-off and the reading of the answer included (the
    /// answer's body, kept only for logs, gets at most one second of it). It stays under Orleans'
    /// 30-second grain call timeout, because the test push is awaited by a request. Default: 20 seconds.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The longest <c>Retry-After</c> of a 429 that is waited out within one send; a longer one ends
    /// the send as <see cref="PushOutcome.RateLimited"/> and the device sits out until then. Default: 5 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one person waits between two test notifications. Default: 30 seconds.</summary>
    public TimeSpan TestPushCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A testing switch: when true, push endpoints on this machine's loopback (127.0.0.0/8, ::1,
    /// <c>localhost</c>), over <c>http</c> or <c>https</c> and on any port, are accepted and
    /// connected to, so tests can run a push service stand-in. Never turn it on in a deployment:
    /// it lets any signed-in person make the silo send requests to its own loopback services.
    /// Every other private, link-local or otherwise non-public address stays refused either way.
    /// Default: false, in every environment (set <c>OO__Push__AllowLoopbackEndpoints=true</c> to change it).
    /// </summary>
    public bool AllowLoopbackEndpoints { get; set; }
}
