using System.Buffers;

namespace OO.Learning.Policies;

/// <summary>A full matrix of doubles unpacked for one computation into a pooled buffer, returned on dispose.</summary>
internal readonly struct PooledMatrix(double[] buffer, int length) : IDisposable
{
    /// <summary>The matrix, d×d row-major.</summary>
    public Span<double> Span => buffer.AsSpan(0, length);

    /// <summary>The underlying array (it may be longer than the matrix).</summary>
    public double[] Array => buffer;

    public void Dispose() => ArrayPool<double>.Shared.Return(buffer);
}
