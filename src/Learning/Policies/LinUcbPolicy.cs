namespace OO.Learning.Policies;

/// <summary>
/// LinUCB (Li et al. 2010, disjoint-free single model): score = x·θ̂ + α √(xᵀA⁻¹x). Pure LinUCB is
/// deterministic, which would give unchosen candidates propensity 0 and make its log useless for off-policy
/// evaluation; so with probability <see cref="PolicyOptions.ExplorationFloor"/> (γ) it picks uniformly.
/// π(k) = γ/K + (1 − γ)·[k is a top score]/|top scores|, exact.
/// </summary>
public sealed class LinUcbPolicy : LinearPolicy
{
    /// <summary>The factory name.</summary>
    public const string PolicyName = "linucb";

    private readonly double _alpha;
    private readonly double _floor;

    /// <summary>Uses <see cref="PolicyOptions.Alpha"/> and <see cref="PolicyOptions.ExplorationFloor"/>.</summary>
    public LinUcbPolicy(PolicyOptions? options = null)
    {
        options ??= new PolicyOptions();
        options.Validate();
        _alpha = options.Alpha;
        _floor = options.ExplorationFloor;
    }

    /// <inheritdoc />
    public override string Name => PolicyName;

    /// <inheritdoc />
    public override PolicyDecision Choose(IReadOnlyList<double[]> contexts, LinearModelState state, Random random)
    {
        var count = Validate(contexts, state, random);
        var d = state.Dimension;
        Span<double> theta = d <= VectorMath.StackLimit ? stackalloc double[d] : new double[d];
        using var inverse = state.Unpacked();
        VectorMath.MultiplySymmetric(inverse.Span, state.B, theta, d);
        var scores = new double[count];
        for (var k = 0; k < count; k++)
        {
            var x = contexts[k];
            // Rounding can push a tiny variance below zero after many updates; it is zero in exact arithmetic.
            var variance = Math.Max(0.0, VectorMath.QuadraticForm(inverse.Span, x, d));
            scores[k] = VectorMath.Dot(x, theta) + (_alpha * Math.Sqrt(variance));
        }

        return ChooseArgmaxWithExploration(scores, _floor, random);
    }
}
