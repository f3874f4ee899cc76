using System.Buffers;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

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
        VectorMath.MultiplySymmetric(state.AInverse, state.B, theta, d);
        var factor = CholeskyColumnMajor(state.AInverse, d);

        // Project every candidate through L once (w_k = Lᵀ x_k), so each extra draw costs K·d, not K·d².
        var pool = ArrayPool<double>.Shared;
        var projected = pool.Rent(count * d);
        var means = pool.Rent(count);
        var z = pool.Rent(d);
        try
        {
            for (var k = 0; k < count; k++)
            {
                var x = contexts[k];
                means[k] = VectorMath.Dot(x, theta);
                var w = projected.AsSpan(k * d, d);
                for (var j = 0; j < d; j++)
                {
                    // L is lower-triangular: column j is non-zero from row j down.
                    w[j] = VectorMath.Dot(x.AsSpan(j, d - j), factor.AsSpan((j * d) + j, d - j));
                }
            }

            var scores = new double[count];
            var wins = new double[count];
            for (var draw = 0; draw < _draws; draw++)
            {
                Normal.Samples(random, z, 0.0, 1.0);
                var zSpan = z.AsSpan(0, d);
                var best = 0;
                var bestScore = double.NegativeInfinity;
                for (var k = 0; k < count; k++)
                {
                    var score = means[k] + (_scale * VectorMath.Dot(projected.AsSpan(k * d, d), zSpan));
                    if (draw == 0)
                    {
                        scores[k] = score;
                    }

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
            pool.Return(projected);
            pool.Return(means);
            pool.Return(z);
        }
    }

    /// <summary>
    /// The lower Cholesky factor of A⁻¹ in column-major order. Sherman–Morrison in floating point can, after very
    /// many updates, leave A⁻¹ a hair from positive definite; then a small diagonal jitter is added, and if even that
    /// fails only the diagonal (independent coordinates) is used, so a request never fails on numerics.
    /// </summary>
    private static double[] CholeskyColumnMajor(double[] inverse, int d)
    {
        var matrix = Matrix<double>.Build.Dense(d, d, (double[])inverse.Clone());
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                return matrix.Cholesky().Factor.ToColumnMajorArray();
            }
            catch (ArgumentException)
            {
                var jitter = 1e-10 * Math.Max(1e-12, matrix.Diagonal().AbsoluteMaximum());
                for (var i = 0; i < d; i++)
                {
                    matrix[i, i] += jitter;
                }
            }
        }

        var diagonal = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            diagonal[(i * d) + i] = Math.Sqrt(Math.Max(0.0, inverse[(i * d) + i]));
        }

        return diagonal;
    }
}
