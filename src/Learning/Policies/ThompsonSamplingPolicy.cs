using System.Buffers;

namespace OO.Learning.Policies;

/// <summary>
/// Linear Thompson sampling (Agrawal &amp; Goyal 2013): θ ~ N(θ̂, v² A⁻¹), pick argmax x·θ.
/// <para>
/// The probability that one posterior draw picks candidate k has no closed form, so the policy makes it
/// explicit: it takes M = <see cref="PolicyOptions.ThompsonDraws"/> draws, lets p̂(k) = (draws won by k)/M, mixes
/// in the exploration floor γ, and then samples the served candidate from π(k) = γ/K + (1 − γ)·p̂(k).
/// The reported propensity is therefore exactly the probability with which the served candidate was drawn
/// (given the policy's own posterior draws, which are independent of rewards — what IPS needs), and it is
/// at least γ/K. Scores are the first draw's sampled values x·θ.
/// </para>
/// </summary>
public sealed class ThompsonSamplingPolicy : LinearPolicy
{
    /// <summary>The factory name.</summary>
    public const string PolicyName = "thompson";

    private readonly double _scale;
    private readonly int _draws;
    private readonly double _floor;

    /// <summary>Uses <see cref="PolicyOptions.ThompsonVarianceScale"/>, <see cref="PolicyOptions.ThompsonDraws"/> and <see cref="PolicyOptions.ExplorationFloor"/>.</summary>
    public ThompsonSamplingPolicy(PolicyOptions? options = null)
    {
        options ??= new PolicyOptions();
        options.Validate();
        _scale = options.ThompsonVarianceScale;
        _draws = options.ThompsonDraws;
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
        var pool = ArrayPool<double>.Shared;
        var factor = pool.Rent(d * d);
        var normals = pool.Rent(d * _draws);
        var thetas = pool.Rent(d * _draws);
        var sampled = pool.Rent(count * _draws);
        try
        {
            Factor(inverse.Array, factor, d);

            // All M draws at once, each a column: Θ = θ̂1ᵀ + v·L·Z (d×M), then S = X·Θ (K×M). Rows are M long, so
            // the inner loops are SIMD-wide over draws, and this costs d²M/2 + KdM instead of projecting every
            // candidate through L (Kd²/2 + KdM).
            VectorMath.StandardNormals(random, normals.AsSpan(0, d * _draws));
            for (var i = 0; i < d; i++)
            {
                var row = thetas.AsSpan(i * _draws, _draws);
                row.Fill(theta[i]);
                for (var j = 0; j <= i; j++)
                {
                    VectorMath.Axpy(_scale * factor[(i * d) + j], normals.AsSpan(j * _draws, _draws), row);
                }
            }

            for (var k = 0; k < count; k++)
            {
                var x = contexts[k];
                var row = sampled.AsSpan(k * _draws, _draws);
                row.Clear();
                for (var i = 0; i < d; i++)
                {
                    VectorMath.Axpy(x[i], thetas.AsSpan(i * _draws, _draws), row);
                }
            }

            var scores = new double[count];
            var wins = new double[count];
            for (var k = 0; k < count; k++)
            {
                scores[k] = sampled[k * _draws];
            }

            for (var draw = 0; draw < _draws; draw++)
            {
                var best = 0;
                var bestScore = double.NegativeInfinity;
                for (var k = 0; k < count; k++)
                {
                    var score = sampled[(k * _draws) + draw];
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = k;
                    }
                }

                wins[best] += 1.0;
            }

            var probabilities = wins;
            for (var k = 0; k < count; k++)
            {
                probabilities[k] = (_floor / count) + ((1.0 - _floor) * wins[k] / _draws);
            }

            var chosen = Sample(probabilities, random);
            return new PolicyDecision(Name, chosen, probabilities[chosen], scores, probabilities);
        }
        finally
        {
            pool.Return(factor);
            pool.Return(normals);
            pool.Return(thetas);
            pool.Return(sampled);
        }
    }

    /// <summary>
    /// The lower Cholesky factor L of A⁻¹ (row-major). Sherman–Morrison in floating point can, after very many
    /// updates, leave A⁻¹ a hair from positive definite; then a small diagonal jitter is added, and if even that
    /// fails only the diagonal (independent coordinates) is used, so a request never fails on numerics.
    /// </summary>
    private static void Factor(double[] inverse, double[] factor, int d)
    {
        if (VectorMath.TryCholesky(inverse, factor, d))
        {
            return;
        }

        var jittered = (double[])inverse.Clone();
        var largest = 0.0;
        for (var i = 0; i < d; i++)
        {
            largest = Math.Max(largest, Math.Abs(inverse[(i * d) + i]));
        }

        for (var i = 0; i < d; i++)
        {
            jittered[(i * d) + i] += 1e-10 * Math.Max(largest, 1e-12);
        }

        if (VectorMath.TryCholesky(jittered, factor, d))
        {
            return;
        }

        factor.AsSpan(0, d * d).Clear();
        for (var i = 0; i < d; i++)
        {
            factor[(i * d) + i] = Math.Sqrt(Math.Max(0.0, inverse[(i * d) + i]));
        }
    }
}
