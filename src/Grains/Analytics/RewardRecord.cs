namespace OO.Grains.Analytics;

/// <summary>The reward a served tip earned, from a reaction or a completion in its source.</summary>
public sealed record RewardRecord(
    string TipId,
    string UserId,
    DateTimeOffset ReactedAt,
    string Reaction,
    long? DwellMs,
    double Reward);
