using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using OO.Learning.Policies;

namespace OO.Learning.Tests.Policies;

public sealed class ShermanMorrisonTests
{
    [Fact]
    public void Rank_one_updates_equal_a_direct_inverse_after_many_updates()
    {
        const int d = 12;
        const double ridge = 1.5;
        var random = new Random(3);
        var state = LinearModelState.Create(d, ridge);
        var policy = new LinUcbPolicy();
        var a = Matrix<double>.Build.DenseIdentity(d) * ridge;
        var b = Vector<double>.Build.Dense(d);
        for (var n = 0; n < 500; n++)
        {
            var x = Enumerable.Range(0, d).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
            var reward = random.NextDouble();
            policy.Update(state, x, reward);
            var v = Vector<double>.Build.DenseOfArray(x);
            a += v.OuterProduct(v);
            b += v * reward;
        }

        var expected = a.Inverse();
        var actual = Matrix<double>.Build.DenseOfRowMajor(d, d, state.FullInverse());
        Assert.True((expected - actual).FrobeniusNorm() < 1e-10, $"‖A⁻¹ − SM‖ = {(expected - actual).FrobeniusNorm()}");
        var theta = a.Solve(b);
        Assert.True((theta - Vector<double>.Build.DenseOfArray(state.Theta())).L2Norm() < 1e-10);
        Assert.Equal(500, state.Updates);
    }

    [Theory]
    [InlineData(30, 1)]
    [InlineData(35, 2)]
    public void The_packed_inverse_tracks_a_full_matrix_over_thousands_of_updates(int d, int seed)
    {
        // Features like the registry's: mostly in [0, 1], some one-hot, so some directions are seen far more than others.
        var random = new Random(seed);
        var packed = LinearModelState.Create(d);
        var full = Matrix<double>.Build.DenseIdentity(d) / PolicyOptions.DefaultRidge;
        var b = Vector<double>.Build.Dense(d);
        var policy = new LinUcbPolicy();
        for (var n = 0; n < 5_000; n++)
        {
            var x = new double[d];
            for (var i = 0; i < d; i++)
            {
                x[i] = i % 5 == 0 ? (random.Next(3) == 0 ? 1.0 : 0.0) : random.NextDouble();
            }

            x[0] = 1.0;
            var reward = random.NextDouble() < x[1] ? 1.0 : -0.2;
            policy.Update(packed, x, reward);
            var v = Vector<double>.Build.DenseOfArray(x);
            var u = full * v;
            full -= u.OuterProduct(u) / (1.0 + v.DotProduct(u));
            b += v * reward;
        }

        var actual = Matrix<double>.Build.DenseOfRowMajor(d, d, packed.FullInverse());
        Assert.True((full - actual).FrobeniusNorm() < 1e-9 * full.FrobeniusNorm(), $"relative ‖A⁻¹ − packed‖ = {(full - actual).FrobeniusNorm() / full.FrobeniusNorm()}");
        var theta = full * b;
        Assert.True((theta - Vector<double>.Build.DenseOfArray(packed.Theta())).L2Norm() < 1e-9 * theta.L2Norm());

        // Still positive definite: LinUCB's widths are real and Thompson's Cholesky needs no jitter.
        Assert.True(VectorMath.TryCholesky(packed.FullInverse(), new double[d * d], d));
        var probe = Enumerable.Range(0, d).Select(i => 1.0 / (i + 1)).ToArray();
        var expectedWidth = Vector<double>.Build.DenseOfArray(probe) * full * Vector<double>.Build.DenseOfArray(probe);
        Assert.Equal(expectedWidth, VectorMath.QuadraticForm(packed.FullInverse(), probe, d), expectedWidth * 1e-9);
    }

    [Fact]
    public void A_model_stored_as_a_full_double_matrix_is_packed_on_first_use_and_decides_the_same()
    {
        const int d = 6;
        var random = new Random(8);
        var a = Matrix<double>.Build.DenseIdentity(d);
        var b = new double[d];
        for (var n = 0; n < 40; n++)
        {
            var v = Vector<double>.Build.Dense(d, _ => random.NextDouble());
            a += v.OuterProduct(v);
            for (var i = 0; i < d; i++)
            {
                b[i] += 0.5 * v[i];
            }
        }

        var inverse = a.Inverse().ToRowMajorArray();
        var stored = JsonSerializer.Serialize(new { Dimension = d, AInverse = inverse, B = b, Updates = 40 });
        var current = LinearModelState.FromInverse(d, inverse, b, 40);

        var legacy = JsonSerializer.Deserialize<LinearModelState>(stored)!;
        var candidates = PolicyTestData.Candidates(8, d, 3);
        var decision = new LinUcbPolicy().Choose(candidates, legacy, new Random(1));

        Assert.Null(legacy.AInverse);
        Assert.Equal(current.PackedInverse, legacy.PackedInverse);
        Assert.Equal(new LinUcbPolicy().Choose(candidates, current, new Random(1)).Scores, decision.Scores);
        var rewritten = JsonSerializer.Serialize(legacy);
        Assert.DoesNotContain("AInverse", rewritten, StringComparison.Ordinal);
        Assert.Contains("PackedInverse", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_with_the_wrong_dimension_is_rejected()
    {
        var state = LinearModelState.Create(4);
        Assert.Throws<ArgumentException>(() => new LinUcbPolicy().Update(state, [1.0, 2.0], 1.0));
        Assert.Equal(0, state.Updates);
    }
}
