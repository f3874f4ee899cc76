namespace OO.Learning.Policies;

/// <summary>
/// One user's ridge-regression model, shared by every linear policy: A = λI + Σ x xᵀ is kept only as its
/// inverse so that choosing never inverts a matrix, and B = Σ r x. Plain properties and arrays so that
/// System.Text.Json (the grain's storage serializer) round-trips it without converters.
/// </summary>
public sealed class LinearModelState
{
    /// <summary>Length d of every feature vector this model accepts.</summary>
    public int Dimension { get; set; }

    /// <summary>A⁻¹, d×d, row-major (it is symmetric, so column-major reads the same).</summary>
    public double[] AInverse { get; set; } = [];

    /// <summary>B = Σ reward · x, length d.</summary>
    public double[] B { get; set; } = [];

    /// <summary>How many rewards have been folded in.</summary>
    public long Updates { get; set; }

    /// <summary>A fresh model: A = ridge · I, so A⁻¹ = I / ridge and θ̂ = 0.</summary>
    public static LinearModelState Create(int dimension, double ridge = PolicyOptions.DefaultRidge)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (!(ridge > 0) || double.IsInfinity(ridge))
        {
            throw new ArgumentOutOfRangeException(nameof(ridge), ridge, "The ridge must be a positive finite number.");
        }

        var inverse = new double[dimension * dimension];
        for (var i = 0; i < dimension; i++)
        {
            inverse[(i * dimension) + i] = 1.0 / ridge;
        }

        return new LinearModelState { Dimension = dimension, AInverse = inverse, B = new double[dimension] };
    }

    /// <summary>The ridge estimate θ̂ = A⁻¹ B.</summary>
    public double[] Theta()
    {
        EnsureValid();
        var theta = new double[Dimension];
        VectorMath.MultiplySymmetric(AInverse, B, theta, Dimension);
        return theta;
    }

    /// <summary>The model's expected reward for one feature vector, x · θ̂ (e.g. for a push threshold).</summary>
    public double Predict(ReadOnlySpan<double> x)
    {
        EnsureValid();
        EnsureLength(x, nameof(x));
        Span<double> theta = Dimension <= VectorMath.StackLimit ? stackalloc double[Dimension] : new double[Dimension];
        VectorMath.MultiplySymmetric(AInverse, B, theta, Dimension);
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

        return new LinearModelState { Dimension = Dimension, AInverse = AInverse, B = b, Updates = Updates };
    }

    // Persisted state can come back from storage hand-edited or truncated; fail loudly instead of indexing garbage.
    internal void EnsureValid()
    {
        if (Dimension < 1 || AInverse.Length != Dimension * Dimension || B.Length != Dimension)
        {
            throw new InvalidOperationException(
                $"LinearModelState is inconsistent: Dimension={Dimension}, AInverse has {AInverse.Length} values, B has {B.Length}.");
        }
    }

    internal void EnsureLength(ReadOnlySpan<double> x, string parameter)
    {
        if (x.Length != Dimension)
        {
            throw new ArgumentException($"A feature vector has {x.Length} values but the model's dimension is {Dimension}.", parameter);
        }
    }
}
