using System.Buffers;
using System.Text.Json.Serialization;

namespace OO.Learning.Policies;

/// <summary>
/// One user's ridge-regression model, shared by every linear policy: A = λI + Σ x xᵀ is kept only as its
/// inverse so that choosing never inverts a matrix, and B = Σ r x. Plain properties and arrays so that
/// System.Text.Json (the grain's storage serializer) round-trips it without converters.
/// <para>
/// A⁻¹ is symmetric, so only its upper triangle is kept: d(d+1)/2 doubles instead of d² (3.6 KiB instead of
/// 7.0 KiB at d = 30), most of an active user's model. Every computation unpacks it into a pooled full matrix,
/// so results are bit for bit those of the full matrix. Doubles, not floats: the population prior recovers a
/// person's Σ x xᵀ by inverting A⁻¹ to withdraw it exactly when the account is deleted, and single precision
/// would leave errors of about cond(A)·10⁻⁷ in it (see docs/benchmarks.md, "Memory per active user").
/// </para>
/// </summary>
public sealed class LinearModelState
{
    /// <summary>Length d of every feature vector this model accepts.</summary>
    public int Dimension { get; set; }

    /// <summary>A⁻¹'s upper triangle, row by row (row i holds columns i … d−1), d(d+1)/2 values.</summary>
    public double[] PackedInverse { get; set; } = [];

    /// <summary>
    /// A⁻¹ as a full d×d row-major matrix of doubles: how models were stored before <see cref="PackedInverse"/>.
    /// Only read: a stored model that has it is packed on first use and then written in the new form.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[]? AInverse { get; set; }

    /// <summary>B = Σ reward · x, length d.</summary>
    public double[] B { get; set; } = [];

    /// <summary>How many rewards have been folded in.</summary>
    public long Updates { get; set; }

    /// <summary>How many values the packed upper triangle of a d×d matrix has.</summary>
    public static int PackedLength(int dimension) => dimension * (dimension + 1) / 2;

    /// <summary>A fresh model: A = ridge · I, so A⁻¹ = I / ridge and θ̂ = 0.</summary>
    public static LinearModelState Create(int dimension, double ridge = PolicyOptions.DefaultRidge)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (!(ridge > 0) || double.IsInfinity(ridge))
        {
            throw new ArgumentOutOfRangeException(nameof(ridge), ridge, "The ridge must be a positive finite number.");
        }

        var packed = new double[PackedLength(dimension)];
        for (var i = 0; i < dimension; i++)
        {
            packed[DiagonalIndex(i, dimension)] = 1.0 / ridge;
        }

        return new LinearModelState { Dimension = dimension, PackedInverse = packed, B = new double[dimension] };
    }

    /// <summary>A model with a given A⁻¹ (full, row-major; symmetrized), B and update count.</summary>
    public static LinearModelState FromInverse(int dimension, ReadOnlySpan<double> inverse, ReadOnlySpan<double> b, long updates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (inverse.Length != dimension * dimension || b.Length != dimension)
        {
            throw new ArgumentException($"A model of dimension {dimension} needs {dimension * dimension} inverse values and {dimension} in B.");
        }

        var model = new LinearModelState { Dimension = dimension, PackedInverse = new double[PackedLength(dimension)], B = b.ToArray(), Updates = updates };
        model.StoreInverse(inverse, symmetrize: true);
        return model;
    }

    /// <summary>A⁻¹ as a new full d×d row-major matrix of doubles.</summary>
    public double[] FullInverse()
    {
        EnsureValid();
        var full = new double[Dimension * Dimension];
        CopyInverseTo(full);
        return full;
    }

    /// <summary>The ridge estimate θ̂ = A⁻¹ B.</summary>
    public double[] Theta()
    {
        EnsureValid();
        var theta = new double[Dimension];
        using var inverse = Unpacked();
        VectorMath.MultiplySymmetric(inverse.Span, B, theta, Dimension);
        return theta;
    }

    /// <summary>The model's expected reward for one feature vector, x · θ̂ (e.g. for a push threshold).</summary>
    public double Predict(ReadOnlySpan<double> x)
    {
        EnsureValid();
        EnsureLength(x, nameof(x));
        Span<double> theta = Dimension <= VectorMath.StackLimit ? stackalloc double[Dimension] : new double[Dimension];
        using var inverse = Unpacked();
        VectorMath.MultiplySymmetric(inverse.Span, B, theta, Dimension);
        return VectorMath.Dot(x, theta);
    }

    /// <summary>
    /// A view of this model whose estimate is shrunk toward <paramref name="priorMean"/> instead of toward 0:
    /// θ̂ = A⁻¹ (B + λ θ₀), the ridge estimate under the prior θ ~ N(θ₀, λ⁻¹ I). It shares A⁻¹ (never update the
    /// view) and costs one vector of length d. With no reactions θ̂ = θ₀; each reaction moves it toward the
    /// person's own evidence.
    /// </summary>
    public LinearModelState WithPriorMean(ReadOnlySpan<double> priorMean, double ridge)
    {
        EnsureValid();
        EnsureLength(priorMean, nameof(priorMean));
        var b = new double[Dimension];
        for (var i = 0; i < b.Length; i++)
        {
            b[i] = B[i] + (ridge * priorMean[i]);
        }

        return new LinearModelState { Dimension = Dimension, PackedInverse = PackedInverse, B = b, Updates = Updates };
    }

    /// <summary>A⁻¹ unpacked into a pooled full matrix of doubles; dispose to give the buffer back.</summary>
    internal PooledMatrix Unpacked()
    {
        var buffer = ArrayPool<double>.Shared.Rent(Dimension * Dimension);
        CopyInverseTo(buffer);
        return new PooledMatrix(buffer, Dimension * Dimension);
    }

    /// <summary>Writes A⁻¹ into <paramref name="full"/> as a full d×d row-major matrix.</summary>
    internal void CopyInverseTo(Span<double> full)
    {
        var d = Dimension;
        var p = 0;
        for (var i = 0; i < d; i++)
        {
            for (var j = i; j < d; j++)
            {
                var value = PackedInverse[p++];
                full[(i * d) + j] = value;
                full[(j * d) + i] = value;
            }
        }
    }

    /// <summary>Stores a full d×d matrix's upper triangle (or the mean of both triangles) as A⁻¹.</summary>
    internal void StoreInverse(ReadOnlySpan<double> full, bool symmetrize)
    {
        var d = Dimension;
        var p = 0;
        for (var i = 0; i < d; i++)
        {
            for (var j = i; j < d; j++)
            {
                var value = symmetrize ? 0.5 * (full[(i * d) + j] + full[(j * d) + i]) : full[(i * d) + j];
                PackedInverse[p++] = value;
            }
        }
    }

    // Persisted state can come back from storage hand-edited or truncated; fail loudly instead of indexing garbage.
    // A model stored before the packed form is packed here, the first time anything reads it.
    internal void EnsureValid()
    {
        if (AInverse is { } legacy && Dimension >= 1 && legacy.Length == Dimension * Dimension && PackedInverse.Length == 0)
        {
            PackedInverse = new double[PackedLength(Dimension)];
            StoreInverse(legacy, symmetrize: true);
            AInverse = null;
        }

        if (Dimension < 1 || PackedInverse.Length != PackedLength(Dimension) || B.Length != Dimension || AInverse is not null)
        {
            throw new InvalidOperationException(
                $"LinearModelState is inconsistent: Dimension={Dimension}, PackedInverse has {PackedInverse.Length} values, AInverse {AInverse?.Length}, B has {B.Length}.");
        }
    }

    internal void EnsureLength(ReadOnlySpan<double> x, string parameter)
    {
        if (x.Length != Dimension)
        {
            throw new ArgumentException($"A feature vector has {x.Length} values but the model's dimension is {Dimension}.", parameter);
        }
    }

    private static int DiagonalIndex(int i, int d) => (i * d) - (i * (i - 1) / 2);
}
