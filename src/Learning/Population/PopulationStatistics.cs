using MathNet.Numerics.LinearAlgebra;
using OO.Learning.Policies;

namespace OO.Learning.Population;

/// <summary>
/// The sufficient statistics of a ridge regression pooled over many people: Σ x xᵀ (upper triangle, packed
/// row by row) and Σ r x over every reward, and how many rewards. Sums only: no text, no ids, nothing that
/// says whose reward it was. Because it is a sum, one person's part can be added and later subtracted
/// exactly (<see cref="Merge"/> with sign −1). Plain properties so System.Text.Json round-trips it.
/// </summary>
public sealed class PopulationStatistics
{
    /// <summary>Length d of every vector folded in.</summary>
    public int Dimension { get; set; }

    /// <summary>Σ x xᵀ, upper triangle packed row by row: element (i, j ≥ i) at i·d − i(i−1)/2 + (j − i).</summary>
    public double[] XtX { get; set; } = [];

    /// <summary>Σ r x.</summary>
    public double[] Xty { get; set; } = [];

    /// <summary>How many rewards (net of subtractions).</summary>
    public long Count { get; set; }

    /// <summary>Empty statistics of dimension <paramref name="dimension"/>.</summary>
    public static PopulationStatistics Create(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        return new PopulationStatistics { Dimension = dimension, XtX = new double[PackedLength(dimension)], Xty = new double[dimension] };
    }

    /// <summary>Length of a packed upper triangle of a d×d matrix.</summary>
    public static int PackedLength(int dimension) => dimension * (dimension + 1) / 2;

    /// <summary>Folds in one reward for feature vector <paramref name="x"/>.</summary>
    public void Add(ReadOnlySpan<double> x, double reward)
    {
        EnsureShape(x.Length);
        var p = 0;
        for (var i = 0; i < Dimension; i++)
        {
            var xi = x[i];
            for (var j = i; j < Dimension; j++)
            {
                XtX[p++] += xi * x[j];
            }

            Xty[i] += reward * xi;
        }

        Count++;
    }

    /// <summary>Adds (<paramref name="sign"/> = 1) or subtracts (−1) another set of statistics of the same dimension.</summary>
    public void Merge(PopulationStatistics other, int sign = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (sign is not (1 or -1))
        {
            throw new ArgumentOutOfRangeException(nameof(sign), sign, "Merge adds (1) or subtracts (−1).");
        }

        EnsureShape(other.Dimension);
        for (var i = 0; i < XtX.Length; i++)
        {
            XtX[i] += sign * other.XtX[i];
        }

        for (var i = 0; i < Xty.Length; i++)
        {
            Xty[i] += sign * other.Xty[i];
        }

        Count += sign * other.Count;
    }

    /// <summary>The pooled ridge estimate θ₀ = (λI + Σ x xᵀ)⁻¹ Σ r x (a Cholesky solve, O(d³)).</summary>
    public double[] SolveMean(double ridge)
    {
        if (!(ridge > 0) || !double.IsFinite(ridge))
        {
            throw new ArgumentOutOfRangeException(nameof(ridge), ridge, "The ridge must be a positive finite number.");
        }

        var a = Matrix<double>.Build.Dense(Dimension, Dimension);
        var p = 0;
        for (var i = 0; i < Dimension; i++)
        {
            for (var j = i; j < Dimension; j++)
            {
                a[i, j] = XtX[p];
                a[j, i] = XtX[p];
                p++;
            }

            a[i, i] += ridge;
        }

        return a.Cholesky().Solve(Vector<double>.Build.DenseOfArray(Xty)).ToArray();
    }

    /// <summary>
    /// One person's statistics recovered from their model: Σ x xᵀ = (A⁻¹)⁻¹ − λI and Σ r x = B. Exact up to
    /// rounding for a model that started at A = λI and was only ever updated (never reset).
    /// </summary>
    public static PopulationStatistics FromModel(LinearModelState model, double ridge)
    {
        ArgumentNullException.ThrowIfNull(model);
        var d = model.Dimension;
        var inverse = Matrix<double>.Build.DenseOfRowMajor(d, d, model.FullInverse());
        var a = inverse.Inverse();
        var statistics = Create(d);
        var p = 0;
        for (var i = 0; i < d; i++)
        {
            for (var j = i; j < d; j++)
            {
                statistics.XtX[p++] = a[i, j] - (i == j ? ridge : 0.0);
            }

            statistics.Xty[i] = model.B[i];
        }

        statistics.Count = model.Updates;
        return statistics;
    }

    private void EnsureShape(int dimension)
    {
        if (dimension != Dimension || XtX.Length != PackedLength(Dimension) || Xty.Length != Dimension)
        {
            throw new ArgumentException($"Statistics of dimension {Dimension} cannot take a vector or statistics of dimension {dimension}.");
        }
    }
}
