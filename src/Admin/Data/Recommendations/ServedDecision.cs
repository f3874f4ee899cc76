using OO.Learning.Logging;

namespace OO.Admin.Data.Recommendations;

/// <summary>
/// One served tip of the explainability log: to whom, by which policy and with what propensity, how long the
/// decision took, how the person reacted and the reward; <see cref="Decision"/> holds the candidates with their
/// features and scores, the chosen one and the shadow policies' picks (null when the row cannot be read).
/// </summary>
public sealed record ServedDecision(
    string TipId,
    string UserId,
    DateTimeOffset ServedAt,
    string Policy,
    string Source,
    double Propensity,
    long LatencyMicroseconds,
    string? Reaction,
    double? Reward,
    DecisionLogEntry? Decision);
