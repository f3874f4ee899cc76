namespace OO.Learning.Policies;

/// <summary>
/// Uniform choice: π(k) = 1/K. Scores are the model's expected rewards x·θ̂ (informational only).
/// It still updates the model, so a later switch to a learning policy starts warm.
/// </summary>
public sealed class RandomPolicy : LinearPolicy
{
    /// <summary>The factory name.</summary>
    public const string PolicyName = "random";

    /// <inheritdoc />
    public override string Name => PolicyName;

    /// <inheritdoc />
    public override PolicyDecision Choose(IReadOnlyList<double[]> contexts, LinearModelState state, Random random)
    {
        var count = Validate(contexts, state, random);
        var theta = state.Theta();
        var scores = new double[count];
        var probabilities = new double[count];
        for (var k = 0; k < count; k++)
        {
            scores[k] = VectorMath.Dot(contexts[k], theta);
            probabilities[k] = 1.0 / count;
        }

        var chosen = random.Next(count);
        return new PolicyDecision(Name, chosen, probabilities[chosen], scores, probabilities);
    }
}
