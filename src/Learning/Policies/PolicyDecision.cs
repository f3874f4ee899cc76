namespace OO.Learning.Policies;

/// <summary>What a policy chose for one request.</summary>
/// <param name="Policy">The policy's name (see <see cref="PolicyFactory"/>).</param>
/// <param name="ChosenIndex">Index into the candidate list that was passed in.</param>
/// <param name="Propensity">Probability the policy had of choosing <paramref name="ChosenIndex"/>; always in (0, 1].</param>
/// <param name="Scores">Per-candidate score the policy ranked by (meaning depends on the policy; see its docs).</param>
/// <param name="Probabilities">Per-candidate probability of being chosen; sums to 1.</param>
public sealed record PolicyDecision(
    string Policy,
    int ChosenIndex,
    double Propensity,
    double[] Scores,
    double[] Probabilities);
