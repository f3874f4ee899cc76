namespace OO.Learning.Policies;

/// <summary>
/// Linear ε-greedy: score = x·θ̂; with probability ε a uniform candidate, otherwise the best score
/// (ties split evenly). π(k) = ε/K + (1 − ε)·[k is a top score]/|top scores|.
/// </summary>
public sealed class EpsilonGreedyPolicy : LinearPolicy
{
    /// <summary>The factory name.</summary>
    public const string PolicyName = "epsilon-greedy";

    private readonly double _epsilon;

    /// <summary>Uses <see cref="PolicyOptions.Epsilon"/>.</summary>
    public EpsilonGreedyPolicy(PolicyOptions? options = null)
    {
        options ??= new PolicyOptions();
        options.Validate();
        _epsilon = options.Epsilon;
    }

    /// <inheritdoc />
    public override string Name => PolicyName;

    /// <inheritdoc />
    public override PolicyDecision Choose(IReadOnlyList<double[]> contexts, LinearModelState state, Random random)
    {
        var count = Validate(contexts, state, random);
        var d = state.Dimension;
        Span<double> theta = d <= VectorMath.StackLimit ? stackalloc double[d] : new double[d];
        using (var inverse = state.Unpacked())
        {
            VectorMath.MultiplySymmetric(inverse.Span, state.B, theta, d);
        }

        var scores = new double[count];
        for (var k = 0; k < count; k++)
        {
            scores[k] = VectorMath.Dot(contexts[k], theta);
        }

        return ChooseArgmaxWithExploration(scores, _epsilon, random);
    }
}
