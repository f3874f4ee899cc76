using OO.Grains.Interfaces.Tips;

namespace OO.Grains.Interfaces.Ai;

/// <summary>
/// What one generation produced: the candidates that passed the validation gate (possibly none), and how it went.
/// <see cref="TipCandidate.Model"/> and <see cref="TipCandidate.PromptVersion"/> are set on every candidate
/// (<c>rules</c> for the rule-based generator); <see cref="TipCandidate.SourceRef"/> is a fresh id per candidate, and
/// <see cref="AboutRefs"/> holds, at the same index, the task a candidate is about (or null).
/// The rest is for the log of generations (never the text): answers rejected by the gate by reason, the model's
/// latency over all attempts, the tokens the endpoint reported (0 when it reports none), and a SHA-256 hash and
/// the UTF-8 size of what was sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.GenerationResult")]
public sealed record GenerationResult(
    [property: Id(0)] GenerationOutcome Outcome,
    [property: Id(1)] IReadOnlyList<TipCandidate> Candidates,
    [property: Id(2)] IReadOnlyList<string?> AboutRefs,
    [property: Id(3)] string Model,
    [property: Id(4)] string PromptVersion,
    [property: Id(5)] int Attempts,
    [property: Id(6)] IReadOnlyDictionary<string, int> RejectionsByReason,
    [property: Id(7)] long LatencyMs,
    [property: Id(8)] long InputTokens,
    [property: Id(9)] long OutputTokens,
    [property: Id(10)] string ContextHash,
    [property: Id(11)] int ContextBytes)
{
    /// <summary>Nothing was produced, and nothing was asked of a model (none configured, or nothing to say).</summary>
    public static GenerationResult Nothing(string model, string promptVersion) =>
        new(GenerationOutcome.Skipped, [], [], model, promptVersion, 0, new Dictionary<string, int>(), 0, 0, 0, "", 0);
}

/// <summary>How a generation ended.</summary>
[GenerateSerializer]
public enum GenerationOutcome
{
    /// <summary>At least one candidate passed the gate.</summary>
    Generated = 0,

    /// <summary>Nothing was asked (no generator configured, or no context worth a call).</summary>
    Skipped = 1,

    /// <summary>Every answer, retries included, failed the gate; nothing is shown.</summary>
    Rejected = 2,

    /// <summary>The model did not answer in time, or answered an error after the resilience handler's retries.</summary>
    Failed = 3,
}
