namespace OO.Learning.Policies;

/// <summary>
/// The O(d²) hot-path loops. They run on spans rather than MathNet matrices because a 12–17 dimensional
/// product through MathNet allocates a vector per call and costs more than the arithmetic itself; MathNet
/// is used where it pays for itself (Cholesky and normal sampling in Thompson sampling).
/// </summary>
internal static class VectorMath
{
    /// <summary>Dimensions up to this size use stack buffers.</summary>
    internal const int StackLimit = 64;

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>result = M v for a row-major d×d matrix.</summary>
    internal static void MultiplySymmetric(ReadOnlySpan<double> matrix, ReadOnlySpan<double> v, Span<double> result, int d)
    {
        for (var i = 0; i < d; i++)
        {
            result[i] = Dot(matrix.Slice(i * d, d), v);
        }
    }

    /// <summary>xᵀ M x for a row-major d×d matrix.</summary>
    internal static double QuadraticForm(ReadOnlySpan<double> matrix, ReadOnlySpan<double> x, int d)
    {
        var sum = 0.0;
        for (var i = 0; i < d; i++)
        {
            sum += x[i] * Dot(matrix.Slice(i * d, d), x);
        }

        return sum;
    }

    /// <summary>
    /// Sherman–Morrison: (A + x xᵀ)⁻¹ = A⁻¹ − (A⁻¹x)(A⁻¹x)ᵀ / (1 + xᵀA⁻¹x), valid because A⁻¹ is symmetric.
    /// Writing u uᵀ element by element keeps the stored inverse exactly symmetric.
    /// </summary>
    internal static void ShermanMorrison(Span<double> inverse, ReadOnlySpan<double> x, int d)
    {
        Span<double> u = d <= StackLimit ? stackalloc double[d] : new double[d];
        MultiplySymmetric(inverse, x, u, d);
        var denominator = 1.0 + Dot(x, u);
        for (var i = 0; i < d; i++)
        {
            var scaled = u[i] / denominator;
            var row = inverse.Slice(i * d, d);
            for (var j = 0; j < d; j++)
            {
                row[j] -= scaled * u[j];
            }
        }
    }
}
