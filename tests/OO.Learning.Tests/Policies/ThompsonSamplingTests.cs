using MathNet.Numerics.LinearAlgebra;
using OO.Learning.Policies;

namespace OO.Learning.Tests.Policies;

public sealed class ThompsonSamplingTests
{
    private static LinearModelState Trained(int d, int seed)
    {
        var state = LinearModelState.Create(d);
        var random = new Random(seed);
        var policy = new ThompsonSamplingPolicy();
        for (var n = 0; n < 300; n++)
        {
            var x = Enumerable.Range(0, d).Select(_ => random.NextDouble()).ToArray();
            policy.Update(state, x, random.NextDouble());
        }

        return state;
    }

    [Fact]
    public void The_hand_written_cholesky_matches_mathnets()
    {
        const int d = 17;
        var state = Trained(d, 1);
        var factor = new double[d * d];

        Assert.True(VectorMath.TryCholesky(state.FullInverse(), factor, d));

        var expected = Matrix<double>.Build.DenseOfRowMajor(d, d, state.FullInverse()).Cholesky().Factor;
        var actual = Matrix<double>.Build.DenseOfRowMajor(d, d, factor);
        Assert.True((expected - actual).FrobeniusNorm() < 1e-12 * expected.FrobeniusNorm());
        Assert.False(VectorMath.TryCholesky([1.0, 2.0, 2.0, 1.0], new double[4], 2));
    }

    [Fact]
    public void Sampled_scores_have_the_posterior_mean_and_variance()
    {
        const int d = 6;
        const double scale = 0.5;
        var state = Trained(d, 2);
        var candidate = new[] { 1.0, 0.3, 0.2, 0.9, 0.1, 0.5 };
        var policy = new ThompsonSamplingPolicy(new PolicyOptions { ThompsonVarianceScale = scale, ThompsonDraws = 1 });
        var random = new Random(4);

        var samples = Enumerable.Range(0, 20_000).Select(_ => policy.Choose([candidate], state, random).Scores[0]).ToArray();

        var mean = samples.Average();
        var variance = samples.Sum(s => (s - mean) * (s - mean)) / (samples.Length - 1);
        var a = Matrix<double>.Build.DenseOfRowMajor(d, d, state.FullInverse());
        var x = Vector<double>.Build.DenseOfArray(candidate);
        var expectedVariance = scale * scale * (x * a * x);
        Assert.Equal(state.Predict(candidate), mean, 2);
        Assert.InRange(variance / expectedVariance, 0.95, 1.05);
    }
}
