namespace OO.Grains.Learning;

/// <summary>Which candidate a policy chose, the probability it had of choosing it, and every candidate's score.</summary>
public sealed record PolicyDecision(int Index, double Propensity, IReadOnlyList<double> Scores);
