namespace OO.Grains.Learning;

/// <summary>Chooses uniformly: the baseline every learning policy has to beat, and a safe default.</summary>
public sealed class RandomPolicy : ITipPolicy
{
    public string Name => "random";

    public PolicyDecision Choose(IReadOnlyList<double[]> candidates, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfZero(candidates.Count);
        var propensity = 1.0 / candidates.Count;
        return new PolicyDecision(random.Next(candidates.Count), propensity, Enumerable.Repeat(propensity, candidates.Count).ToArray());
    }

    public void Learn(double[] chosen, double reward)
    {
    }
}
