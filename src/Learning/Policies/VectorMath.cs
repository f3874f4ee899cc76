using System.Numerics;
using System.Runtime.InteropServices;

namespace OO.Learning.Policies;

/// <summary>
/// The O(d²) hot-path loops. They run on spans rather than MathNet matrices because a 12–17 dimensional
/// product through MathNet allocates a vector per call and costs more than the arithmetic itself. MathNet is
/// the reference the tests check these loops against (inverse, solve, Cholesky) and draws the simulator's normals.
/// </summary>
internal static class VectorMath
{
    /// <summary>Dimensions up to this size use stack buffers.</summary>
    internal const int StackLimit = 64;

    /// <summary>a·b over a's length, SIMD-wide where the hardware allows (the budget is a few µs per request).</summary>
    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        b = b[..a.Length];
        var sum = 0.0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
            var accumulator = Vector<double>.Zero;
            for (var k = 0; k < va.Length; k++)
            {
                accumulator += va[k] * vb[k];
            }

            sum = Vector.Sum(accumulator);
            i = va.Length * Vector<double>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>
    /// Lower Cholesky factor R (row-major, R Rᵀ = M) of a symmetric positive-definite d×d matrix; false when M is
    /// not positive definite. Hand-written because MathNet's allocates several matrices per call, which alone
    /// cost more than Thompson sampling's whole time budget at d ≈ 12–17; tests check it against MathNet's.
    /// </summary>
    internal static bool TryCholesky(ReadOnlySpan<double> matrix, Span<double> factor, int d)
    {
        factor[..(d * d)].Clear();
        for (var j = 0; j < d; j++)
        {
            var rowJ = factor.Slice(j * d, j);
            var diagonal = matrix[(j * d) + j] - Dot(rowJ, rowJ);
            if (!(diagonal > 0))
            {
                return false;
            }

            var pivot = Math.Sqrt(diagonal);
            factor[(j * d) + j] = pivot;
            for (var i = j + 1; i < d; i++)
            {
                factor[(i * d) + j] = (matrix[(i * d) + j] - Dot(factor.Slice(i * d, j), rowJ)) / pivot;
            }
        }

        return true;
    }

    /// <summary>y += a·x over x's length, SIMD-wide where the hardware allows.</summary>
    internal static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        y = y[..x.Length];
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            for (var k = 0; k < vx.Length; k++)
            {
                vy[k] += a * vx[k];
            }

            i = vx.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    /// <summary>
    /// Fills <paramref name="values"/> with independent standard normals (Box–Muller, two per pair of uniforms).
    /// The uniforms come from SplitMix64 seeded by one draw of <paramref name="random"/>: a request needs a few
    /// hundred normals, and the caller's seeded <see cref="Random"/> (its legacy algorithm) costs more per number
    /// than the rest of the draw. Results stay reproducible from the caller's seed. Inline rather than MathNet's
    /// Normal.Samples so the path stays allocation-free; the tests check the posterior draws' mean and variance.
    /// </summary>
    internal static void StandardNormals(Random random, Span<double> values)
    {
        var state = unchecked((ulong)random.NextInt64(long.MinValue, long.MaxValue));
        for (var i = 0; i < values.Length; i += 2)
        {
            // 1 − U lies in (0, 1], so the logarithm is finite.
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - NextUniform(ref state)));
            var (sin, cos) = Math.SinCos(2.0 * Math.PI * NextUniform(ref state));
            values[i] = radius * cos;
            if (i + 1 < values.Length)
            {
                values[i + 1] = radius * sin;
            }
        }
    }

    /// <summary>SplitMix64 (Steele, Lea &amp; Flood 2014), mapped to [0, 1) with 53 bits.</summary>
    private static double NextUniform(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }
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
