namespace OO.Api.Admin;

/// <summary>
/// How one model and prompt version did over the analytics tables' retention: how often it was asked
/// (<see cref="Generations"/>, by outcome), how many candidates it wrote that passed the gate, how many answers the
/// gate rejected by reason, how many of its candidates were shown, and the reactions they got (done = "Helpful",
/// snooze = "Not now", dismiss = "Not useful").
/// </summary>
public sealed record AiVariantReport(
    string Model,
    string PromptVersion,
    int Generations,
    IReadOnlyDictionary<string, int> Outcomes,
    int CandidatesGenerated,
    IReadOnlyDictionary<string, int> RejectedByReason,
    int Shown,
    IReadOnlyDictionary<string, int> Reactions);
