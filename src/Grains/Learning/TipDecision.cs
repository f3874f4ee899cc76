namespace OO.Grains.Learning;

/// <summary>What <see cref="TipChooser"/> chose, and the explainability log entry that says why.</summary>
public sealed record TipDecision(
    int ChosenIndex,
    string Policy,
    double Propensity,
    double Score,
    double[] Features,
    long LatencyMicroseconds,
    string DecisionJson);
