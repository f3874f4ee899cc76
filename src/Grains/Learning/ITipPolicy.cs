namespace OO.Grains.Learning;

/// <summary>
/// Chooses one candidate from their feature vectors and learns from the reward it earned.
/// Every policy keeps some exploration, so the propensity of what it serves is never 0.
/// </summary>
public interface ITipPolicy
{
    /// <summary>The policy's name as logs and configuration spell it (<c>random</c>, <c>linucb</c>, …).</summary>
    string Name { get; }

    PolicyDecision Choose(IReadOnlyList<double[]> candidates, Random random);

    void Learn(double[] chosen, double reward);
}
