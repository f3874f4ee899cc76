namespace OO.Learning.Policies;

/// <summary>
/// A contextual-bandit policy. Implementations are stateless and thread-safe: all learning lives in the
/// <see cref="LinearModelState"/> the caller owns and persists, and all randomness comes from the caller's
/// <see cref="Random"/>, so a decision is reproducible from (contexts, state, seed).
/// </summary>
public interface IBanditPolicy
{
    /// <summary>The factory name: random, linucb, epsilon-greedy or thompson.</summary>
    string Name { get; }

    /// <summary>Chooses one of <paramref name="contexts"/> (one feature vector per candidate, each of length state.Dimension).</summary>
    PolicyDecision Choose(IReadOnlyList<double[]> contexts, LinearModelState state, Random random);

    /// <summary>Folds the reward observed for the shown candidate's feature vector into <paramref name="state"/>, in O(d²).</summary>
    void Update(LinearModelState state, double[] x, double reward);
}
