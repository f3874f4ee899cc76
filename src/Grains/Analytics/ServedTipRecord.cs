using OO.Grains.Interfaces.Tips;

namespace OO.Grains.Analytics;

/// <summary>
/// One row of the explainability log: a served tip and how it was chosen (<see cref="DecisionJson"/>); for a
/// written candidate, the model and prompt version that wrote it; what the tip asked (<see cref="Kind"/>) and, for a
/// task, its <see cref="Priority"/> at its source. Both are null on rows from before they were recorded.
/// </summary>
public sealed record ServedTipRecord(
    string TipId,
    string UserId,
    DateTimeOffset ServedAt,
    string Policy,
    string Source,
    string SourceRef,
    double Propensity,
    long LatencyMicroseconds,
    string DecisionJson,
    string? Model = null,
    string? PromptVersion = null,
    TipKind? Kind = null,
    int? Priority = null);
