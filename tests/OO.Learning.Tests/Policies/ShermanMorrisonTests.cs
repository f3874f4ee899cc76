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
        var actual = Matrix<double>.Build.DenseOfRowMajor(d, d, state.AInverse);
        Assert.True((expected - actual).FrobeniusNorm() < 1e-10, $"‖A⁻¹ − SM‖ = {(expected - actual).FrobeniusNorm()}");
        var theta = a.Solve(b);
        Assert.True((theta - Vector<double>.Build.DenseOfArray(state.Theta())).L2Norm() < 1e-10);
        Assert.Equal(500, state.Updates);
    }

    [Fact]
    public void An_update_with_the_wrong_dimension_is_rejected()
    {
        var state = LinearModelState.Create(4);
        Assert.Throws<ArgumentException>(() => new LinUcbPolicy().Update(state, [1.0, 2.0], 1.0));
        Assert.Equal(0, state.Updates);
    }
}
