namespace OO.Ai.Writing;

/// <summary>
/// What one model generation produced: the tips that passed the gate (none unless <see cref="WriteOutcome.Generated"/>),
/// the model and prompt version, the answers asked for, rejections by reason, the time spent on all attempts and
/// the tokens the endpoint reported (0 when it reported none).
/// </summary>
public sealed record WriteResult(
    WriteOutcome Outcome,
    IReadOnlyList<Gate.TipDraft> Drafts,
    string Model,
    string PromptVersion,
    int Attempts,
    IReadOnlyDictionary<string, int> RejectionsByReason,
    long LatencyMs,
    long InputTokens,
    long OutputTokens);
