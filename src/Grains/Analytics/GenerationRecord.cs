namespace OO.Grains.Analytics;

/// <summary>
/// One row of the log of generations: who asked, which model and prompt version answered, how it ended
/// (<c>generated</c>, <c>skipped</c>, <c>rejected</c>, <c>failed</c>), how many candidates passed the gate and how many
/// answers it rejected by reason, the time and tokens it took, and what was sent as a hash and a size — never text.
/// </summary>
public sealed record GenerationRecord(
    DateTimeOffset At,
    string UserId,
    string Model,
    string PromptVersion,
    string Outcome,
    int Candidates,
    IReadOnlyDictionary<string, int> RejectionsByReason,
    long LatencyMs,
    long InputTokens,
    long OutputTokens,
    string ContextHash,
    int ContextBytes,
    int Attempts);
