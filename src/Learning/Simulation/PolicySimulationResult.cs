namespace OO.Learning.Simulation;

/// <summary>One policy's outcome on the shared request stream.</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="CumulativeReward">Sum of the realised (Bernoulli 0/1) rewards.</param>
/// <param name="Regret">Pseudo-regret: Σ (best candidate's click probability − chosen candidate's).</param>
/// <param name="Steps">Requests served.</param>
public sealed record PolicySimulationResult(string Policy, double CumulativeReward, double Regret, int Steps)
{
    /// <summary>Average realised reward per request.</summary>
    public double MeanReward => Steps == 0 ? 0 : CumulativeReward / Steps;
}
