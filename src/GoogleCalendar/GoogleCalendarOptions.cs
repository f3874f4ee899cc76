namespace OO.GoogleCalendar;

/// <summary>
/// How oO reaches Google Calendar, bound from <c>OO:GoogleCalendar</c>. The OAuth client is Google sign-in's:
/// <see cref="ClientId"/>, <see cref="ClientSecret"/> and <see cref="Authority"/> are read from <c>OO:Auth:Google</c>.
/// </summary>
public sealed class GoogleCalendarOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "OO:GoogleCalendar";

    /// <summary>The section of Google sign-in, whose OAuth client the calendar shares.</summary>
    public const string GoogleSectionName = "OO:Auth:Google";

    /// <summary>The only scope asked for: reading events, nothing else.</summary>
    public const string Scope = "https://www.googleapis.com/auth/calendar.readonly";

    /// <summary>The OAuth client id (from <c>OO:Auth:Google:ClientId</c>). Default: none, which leaves the calendar unoffered.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret (from <c>OO:Auth:Google:ClientSecret</c>). Default: none.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The issuer whose <c>/.well-known/openid-configuration</c> names the authorize, token and revocation
    /// endpoints (from <c>OO:Auth:Google:Authority</c>). Default: <c>https://accounts.google.com</c>.
    /// </summary>
    public string Authority { get; set; } = "https://accounts.google.com";

    /// <summary>Base of the Calendar API v3. Default: <c>https://www.googleapis.com/calendar/v3</c>.</summary>
    public string ApiBaseUrl { get; set; } = "https://www.googleapis.com/calendar/v3";

    /// <summary>How often a connected calendar is polled. Default: 5 minutes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far ahead events are kept. At least 1 hour. Default: 3 days.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How often a complete listing replaces incremental syncs, so the window moves forward (an incremental
    /// sync only reports changed events). Below <see cref="Window"/>. Default: 6 hours.
    /// </summary>
    public TimeSpan FullSyncEvery { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Events asked for per page; Google allows up to 2500. Default: 250.</summary>
    public int PageSize { get; set; } = 250;

    /// <summary>Pages read in one poll at most, so one calendar cannot hold a poll without bound. Default: 20.</summary>
    public int MaxPages { get; set; } = 20;

    /// <summary>How long one attempt of one request may take. Default: 10 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a request safe to repeat after a 5xx, a timeout or a network failure; 0 turns them off. Default: 3.</summary>
    public int RetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay, growing exponentially with jitter. Default: 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two attempts. Default: 30 seconds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when Google's client id and secret are set, that is, when users can connect the calendar.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
