namespace OO.Learning.Policies;

/// <summary>
/// What every policy shares: the ridge-regression update and the "argmax mixed with uniform" choice rule.
/// Even <see cref="RandomPolicy"/> updates the model, so that promoting another policy starts warm.
/// </summary>
public abstract class LinearPolicy : IBanditPolicy
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract PolicyDecision Choose(IReadOnlyList<double[]> contexts, LinearModelState state, Random random);

    /// <inheritdoc />
    public void Update(LinearModelState state, double[] x, double reward)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(x);
        state.EnsureValid();
        state.EnsureLength(x, nameof(x));
        if (!double.IsFinite(reward))
        {
            throw new ArgumentOutOfRangeException(nameof(reward), reward, "A reward must be a finite number.");
        }

        using (var inverse = state.Unpacked())
        {
            VectorMath.ShermanMorrison(inverse.Span, x, state.Dimension);
            state.StoreInverse(inverse.Span, symmetrize: false);
        }

        var b = state.B;
        for (var i = 0; i < b.Length; i++)
        {
            b[i] += reward * x[i];
        }

        state.Updates++;
    }

    /// <summary>Checks the request and returns K.</summary>
    private protected static int Validate(IReadOnlyList<double[]> contexts, LinearModelState state, Random random)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(random);
        if (contexts.Count == 0)
        {
            throw new ArgumentException("There must be at least one candidate to choose from.", nameof(contexts));
        }

        state.EnsureValid();
        for (var k = 0; k < contexts.Count; k++)
        {
            state.EnsureLength(contexts[k] ?? throw new ArgumentException($"Candidate {k} has no feature vector.", nameof(contexts)), nameof(contexts));
        }

        return contexts.Count;
    }

    /// <summary>
    /// With probability <paramref name="explore"/> a uniform candidate, otherwise a uniform one among the
    /// highest scores. So π(k) = explore/K + (1 − explore)·[k is a top score]/|top scores|, computed exactly.
    /// </summary>
    private protected PolicyDecision ChooseArgmaxWithExploration(double[] scores, double explore, Random random)
    {
        var count = scores.Length;
        var best = double.NegativeInfinity;
        for (var k = 0; k < count; k++)
        {
            best = Math.Max(best, scores[k]);
        }

        // Scores that differ only by rounding are ties: otherwise a cold model's identical candidates would
        // get a propensity that depends on floating-point noise.
        var tolerance = 1e-12 * Math.Max(1.0, Math.Abs(best));
        var ties = 0;
        for (var k = 0; k < count; k++)
        {
            if (scores[k] >= best - tolerance)
            {
                ties++;
            }
        }

        var probabilities = new double[count];
        var uniform = explore / count;
        var greedy = (1.0 - explore) / ties;
        for (var k = 0; k < count; k++)
        {
            probabilities[k] = uniform + (scores[k] >= best - tolerance ? greedy : 0.0);
        }

        var chosen = Sample(probabilities, random);
        return new PolicyDecision(Name, chosen, probabilities[chosen], scores, probabilities);
    }

    /// <summary>Draws an index from a probability vector that sums to 1.</summary>
    private protected static int Sample(double[] probabilities, Random random)
    {
        var u = random.NextDouble();
        var cumulative = 0.0;
        for (var k = 0; k < probabilities.Length; k++)
        {
            cumulative += probabilities[k];
            if (u < cumulative)
            {
                return k;
            }
        }

        // Rounding can leave the cumulative sum a hair under 1; the last candidate with mass takes the remainder.
        for (var k = probabilities.Length - 1; k >= 0; k--)
        {
            if (probabilities[k] > 0)
            {
                return k;
            }
        }

        return probabilities.Length - 1;
    }
}
