using MathNet.Numerics.LinearAlgebra;

namespace OO.Learning.Simulation;

/// <summary>
/// Hybrid LinUCB (Li, Chu, Langford &amp; Schapire 2010, Algorithm 2) with people as the "arms": a score is
/// zᵀβ + xᵀθ_u, β shared by everyone and θ_u the person's own, here with z = x (the whole vector is shared and
/// personal). Simulation only — it exists to measure the design against per-person models over a shared prior
/// (docs/learning.md): its shared A₀ changes on every reaction of every person, and each person holds A_u (d×d)
/// and B_u (d×d), twice a <see cref="Policies.LinearModelState"/>. Plain MathNet: A_u⁻¹ follows by Sherman–Morrison,
/// A₀ (which changes by a full-rank term) is inverted once per request. Like LinUCB in oO it serves a uniform candidate with probability γ.
/// </summary>
internal sealed class HybridLinUcb
{
    private readonly double _alpha;
    private readonly double _floor;
    private readonly Matrix<double> _a0;
    private readonly Vector<double> _b0;
    private readonly Person[] _people;

    public HybridLinUcb(int dimension, int people, double alpha, double ridge, double floor)
    {
        _alpha = alpha;
        _floor = floor;
        _a0 = ridge * Matrix<double>.Build.DenseIdentity(dimension);
        _b0 = Vector<double>.Build.Dense(dimension);
        _people = [.. Enumerable.Range(0, people).Select(_ => new Person(dimension, ridge))];
    }

    public const string Name = "hybrid-linucb";

    /// <summary>The index served to person <paramref name="person"/>.</summary>
    public int Choose(int person, double[][] candidates, Random random)
    {
        if (random.NextDouble() < _floor)
        {
            return random.Next(candidates.Length);
        }

        var p = _people[person];
        var a0Inverse = _a0.Inverse();
        var aInverse = p.AInverse;
        var beta = a0Inverse * _b0;
        var theta = aInverse * (p.BVector - (p.B * beta));
        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var k = 0; k < candidates.Length; k++)
        {
            var x = Vector<double>.Build.DenseOfArray(candidates[k]);
            var ax = aInverse * x;
            var a0z = a0Inverse * x;
            var bax = p.B.TransposeThisAndMultiply(ax);
            var variance = x.DotProduct(a0z) - (2 * a0z.DotProduct(bax)) + x.DotProduct(ax) + bax.DotProduct(a0Inverse * bax);
            var score = x.DotProduct(beta) + x.DotProduct(theta) + (_alpha * Math.Sqrt(Math.Max(0.0, variance)));
            if (score > bestScore)
            {
                bestScore = score;
                best = k;
            }
        }

        return best;
    }

    /// <summary>Folds one reward of person <paramref name="person"/> into their model and the shared one.</summary>
    public void Update(int person, double[] features, double reward)
    {
        var p = _people[person];
        var x = Vector<double>.Build.DenseOfArray(features);
        _a0.Add(p.B.TransposeThisAndMultiply(p.AInverse * p.B), _a0);
        _b0.Add(p.B.TransposeThisAndMultiply(p.AInverse * p.BVector), _b0);
        var ax = p.AInverse * x;
        p.AInverse.Subtract(ax.OuterProduct(ax) / (1.0 + x.DotProduct(ax)), p.AInverse);
        p.B.Add(x.OuterProduct(x), p.B);
        p.BVector.Add(reward * x, p.BVector);
        _a0.Add(x.OuterProduct(x) - p.B.TransposeThisAndMultiply(p.AInverse * p.B), _a0);
        _b0.Add((reward * x) - p.B.TransposeThisAndMultiply(p.AInverse * p.BVector), _b0);
    }

    private sealed class Person(int dimension, double ridge)
    {
        public Matrix<double> AInverse { get; } = Matrix<double>.Build.DenseIdentity(dimension) / ridge;

        public Matrix<double> B { get; } = Matrix<double>.Build.Dense(dimension, dimension);

        public Vector<double> BVector { get; } = Vector<double>.Build.Dense(dimension);
    }
}
