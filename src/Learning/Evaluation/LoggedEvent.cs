namespace OO.Learning.Evaluation;

/// <summary>One served decision from a log: every candidate's features, what was shown, with which probability, and its reward.</summary>
/// <param name="Contexts">One feature vector per candidate (same length for all).</param>
/// <param name="ChosenIndex">The candidate the logging policy showed.</param>
/// <param name="Propensity">The logging policy's probability of showing it, in (0, 1].</param>
/// <param name="Reward">The observed reward.</param>
public sealed record LoggedEvent(IReadOnlyList<double[]> Contexts, int ChosenIndex, double Propensity, double Reward);
