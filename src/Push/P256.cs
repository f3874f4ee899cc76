using System.Security.Cryptography;

namespace OO.Push;

/// <summary>
/// Conversions between the raw forms Web Push uses (65-byte uncompressed points, 32-byte
/// scalars) and the BCL's key objects.
/// </summary>
internal static class P256
{
    public const int PublicKeyLength = 65;
    public const int PrivateKeyLength = 32;
    private const int CoordinateLength = 32;
    private const byte UncompressedPrefix = 0x04;

    /// <summary>
    /// Imports a public key; the import fails for a point that is not on the curve, which is what
    /// makes it a real validation rather than a length check.
    /// </summary>
    /// <exception cref="CryptographicException">The bytes are not an uncompressed P-256 point.</exception>
    public static ECDiffieHellman ImportPublicKey(ReadOnlySpan<byte> uncompressedPoint)
    {
        var parameters = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = ToPoint(uncompressedPoint) };
        var key = ECDiffieHellman.Create();
        try
        {
            key.ImportParameters(parameters);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The parameters of a key pair given as its raw private scalar and public point.</summary>
    public static ECParameters PrivateParameters(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> uncompressedPoint)
    {
        if (privateKey.Length != PrivateKeyLength)
        {
            throw new CryptographicException($"A P-256 private key must be {PrivateKeyLength} bytes.");
        }

        return new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = privateKey.ToArray(),
            Q = ToPoint(uncompressedPoint),
        };
    }

    public static ECPoint ToPoint(ReadOnlySpan<byte> uncompressedPoint)
    {
        if (uncompressedPoint.Length != PublicKeyLength || uncompressedPoint[0] != UncompressedPrefix)
        {
            throw new CryptographicException(
                $"A P-256 public key must be {PublicKeyLength} bytes starting with 0x04 (uncompressed point).");
        }

        return new ECPoint
        {
            X = uncompressedPoint.Slice(1, CoordinateLength).ToArray(),
            Y = uncompressedPoint.Slice(1 + CoordinateLength, CoordinateLength).ToArray(),
        };
    }

    public static byte[] ExportUncompressed(ECAlgorithm key) => ToUncompressed(key.ExportParameters(false).Q);

    public static byte[] ToUncompressed(ECPoint point)
    {
        var result = new byte[PublicKeyLength];
        result[0] = UncompressedPrefix;
        point.X.AsSpan().CopyTo(result.AsSpan(1 + CoordinateLength - point.X!.Length, point.X.Length));
        point.Y.AsSpan().CopyTo(result.AsSpan(1 + (2 * CoordinateLength) - point.Y!.Length, point.Y.Length));
        return result;
    }
}
