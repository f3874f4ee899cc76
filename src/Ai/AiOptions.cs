namespace OO.Ai;

/// <summary>
/// How oO writes tip candidates, bound from the configuration section <c>OO:AI</c>
/// (environment: <c>OO__AI__Endpoint</c> and so on). Nothing leaves the process unless
/// <see cref="Endpoint"/> is set.
/// </summary>
public sealed class AiOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "OO:AI";

    /// <summary>The longest <see cref="Timeout"/> allowed: a generation must end inside the 30-second grain call limit.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(25);

    /// <summary>
    /// The base URL of an OpenAI-compatible API, up to and including its version segment, e.g.
    /// <c>http://localhost:11434/v1</c> (Ollama) or <c>http://litellm:4000/v1</c>. Default: none, which turns
    /// the model off (see <see cref="Rules"/> for what is generated then).
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The bearer key the endpoint expects. Default: none (a local Ollama needs none).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model name sent with each request. Default: <c>tip-generator</c>, meant as a LiteLLM alias.</summary>
    public string Model { get; set; } = "tip-generator";

    /// <summary>
    /// The longest one generation may take, the gate's retries and the HTTP retries included; past it the
    /// generation fails. Between 100 ms and 25 s. Default: 20 seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The most candidates asked for in one generation, 1 to 10. Default: 3.</summary>
    public int MaxCandidates { get; set; } = 3;

    /// <summary>The shortest time between two generations for one person. Default: 6 hours.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a generated candidate may be shown before it expires. Default: 24 hours.</summary>
    public TimeSpan CandidateTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many of the best-scored open task titles a generation sees, 0 to 50. Default: 10.</summary>
    public int ContextTasks { get; set; } = 10;

    /// <summary>This many reactions since the last generation make a person's context new enough for another. Default: 5.</summary>
    public int ReactionsForNewContext { get; set; } = 5;

    /// <summary>When the rule-based generator writes insights (<c>auto</c>, <c>on</c>, <c>off</c>). Default: <c>auto</c>.</summary>
    public RulesMode Rules { get; set; } = RulesMode.Auto;

    /// <summary>
    /// How often one HTTP request is retried after a 5xx, a 408, a 429 or a network failure; 0 turns retries
    /// off. A 429's <c>Retry-After</c> is honoured when it fits in <see cref="Timeout"/>. Between 0 and 5. Default: 2.
    /// </summary>
    public int RetryAttempts { get; set; } = 2;

    /// <summary>The first HTTP retry's delay; later ones grow exponentially, with jitter. Default: 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>True when an endpoint is configured, that is, when a language model may be asked.</summary>
    public bool IsModelConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>The generator a call uses under these options.</summary>
    public GeneratorEngine Engine => Rules switch
    {
        RulesMode.On => GeneratorEngine.Rules,
        _ when IsModelConfigured => GeneratorEngine.Model,
        RulesMode.Auto => GeneratorEngine.Rules,
        _ => GeneratorEngine.None,
    };
}
