namespace OO.Learning.Simulation;

/// <summary>How one way of serving new people did on their first tips.</summary>
/// <param name="Arm">random, per-user, population-prior or pooled (see <see cref="PopulationSimulator"/>).</param>
/// <param name="ExpectedReward">Mean over new people and first tips of the served candidate's done probability.</param>
/// <param name="RealisedReward">Mean of the realised 0/1 rewards (shared noise across arms).</param>
/// <param name="Tips">Tips scored (new people × first tips).</param>
public sealed record PopulationArmResult(string Arm, double ExpectedReward, double RealisedReward, int Tips);
