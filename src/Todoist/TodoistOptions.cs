namespace OO.Todoist;

/// <summary>
/// How oO reaches Todoist, bound from the configuration section <c>OO:Todoist</c>.
/// </summary>
public sealed class TodoistOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "OO:Todoist";

    /// <summary>
    /// The app's client id from Todoist's app management console. Default: none, which leaves
    /// Todoist unconfigured (<see cref="IsConfigured"/> is false) so the product can hide "connect".
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// The app's client secret. It authenticates the token exchange and revocation and is the
    /// key of the webhook signature. Default: none. Keep it in a secret store, never in a file.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>Base of the OAuth endpoints (<c>/authorize</c>, <c>/access_token</c>). Default: <c>https://todoist.com/oauth</c>.</summary>
    public string AuthBaseUrl { get; set; } = "https://todoist.com/oauth";

    /// <summary>Base of the REST API v1 (<c>/tasks</c>, <c>/user</c>, <c>/revoke</c>). Default: <c>https://api.todoist.com/api/v1</c>.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.todoist.com/api/v1";

    /// <summary>
    /// How often a connected account is polled. Webhooks make changes arrive sooner; the poll
    /// heals whatever a lost webhook missed. Default: 5 minutes.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The scopes asked for, comma-separated as Todoist expects. Default: <c>data:read_write</c>,
    /// the least that lets oO read tasks and close one when the user says "done".
    /// </summary>
    public string Scopes { get; set; } = "data:read_write";

    /// <summary>
    /// How long one attempt of one request may take before it counts as failed (and, for a
    /// request that is safe to repeat, is retried). At least 10 ms. Default: 10 seconds.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many times a request that is safe to repeat is retried after a 5xx answer, a
    /// timeout or a network failure; 0 turns retries off. Default: 3 (so at most 4 attempts).
    /// </summary>
    public int RetryAttempts { get; set; } = 3;

    /// <summary>
    /// The first retry's delay; later ones grow exponentially, with jitter. Tests shorten it.
    /// Default: 1 second.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two attempts. Default: 30 seconds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tasks asked for per page while listing; Todoist allows 1 to 200. Default: 200.</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>True when a client id is present, that is, when users can connect Todoist.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);
}
