using System.Buffers.Text;
using System.Security.Cryptography;

namespace OO.Push;

/// <summary>
/// The application server's P-256 key pair (RFC 8292), held in the raw base64url forms that
/// browsers (<c>applicationServerKey</c>) and configuration use: the public key as the 65-byte
/// uncompressed point, the private key as the 32-byte scalar <c>d</c>.
/// </summary>
public sealed class VapidKeys
{
    private readonly byte[] _publicKey;
    private readonly byte[] _privateKey;

    private VapidKeys(byte[] publicKey, byte[] privateKey)
    {
        _publicKey = publicKey;
        _privateKey = privateKey;
        PublicKey = Base64Url.EncodeToString(publicKey);
        PrivateKey = Base64Url.EncodeToString(privateKey);
    }

    /// <summary>The public key, base64url without padding: what the browser subscribes with.</summary>
    public string PublicKey { get; }

    /// <summary>The private key, base64url without padding. A secret: never log or serve it.</summary>
    public string PrivateKey { get; }

    /// <summary>The public key as the raw 65-byte uncompressed point.</summary>
    public ReadOnlySpan<byte> PublicKeyBytes => _publicKey;

    /// <summary>Generates a fresh key pair.</summary>
    public static VapidKeys Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(true);
        return new VapidKeys(P256.ToUncompressed(parameters.Q), LeftPad(parameters.D!));
    }

    /// <summary>Imports a key pair from its base64url forms (padding optional).</summary>
    /// <exception cref="FormatException">A key does not decode, is not a P-256 key, or the two keys are not one pair.</exception>
    public static VapidKeys FromBase64Url(string publicKey, string privateKey)
    {
        var publicBytes = Decode(publicKey, "The VAPID public key");
        var privateBytes = Decode(privateKey, "The VAPID private key");
        if (publicBytes.Length != P256.PublicKeyLength || publicBytes[0] != 0x04)
        {
            throw new FormatException($"The VAPID public key must decode to a {P256.PublicKeyLength}-byte uncompressed P-256 point; it decodes to {publicBytes.Length} bytes.");
        }

        if (privateBytes.Length != P256.PrivateKeyLength)
        {
            throw new FormatException($"The VAPID private key must decode to {P256.PrivateKeyLength} bytes; it decodes to {privateBytes.Length} bytes.");
        }

        var keys = new VapidKeys(publicBytes, privateBytes);
        if (!keys.FormAPair())
        {
            throw new FormatException("The VAPID public and private keys do not form one key pair.");
        }

        return keys;
    }

    private static byte[] Decode(string text, string what) =>
        Base64Url.IsValid(text) ? Base64Url.DecodeFromChars(text) : throw new FormatException($"{what} is not valid base64url.");

    /// <summary>Creates a signer for ES256; the caller disposes it.</summary>
    internal ECDsa CreateSigningKey()
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportParameters(P256.PrivateParameters(_privateKey, _publicKey));
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    // Importing D and Q together does not prove on every platform that Q = d·G; a signature
    // made with d and checked against Q alone does.
    private bool FormAPair()
    {
        try
        {
            using var signer = CreateSigningKey();
            using var verifier = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = P256.ToPoint(_publicKey) });
            byte[] probe = [0x6f, 0x4f];
            var signature = signer.SignData(probe, HashAlgorithmName.SHA256);
            return verifier.VerifyData(probe, signature, HashAlgorithmName.SHA256);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static byte[] LeftPad(byte[] scalar)
    {
        if (scalar.Length == P256.PrivateKeyLength)
        {
            return scalar;
        }

        var padded = new byte[P256.PrivateKeyLength];
        scalar.CopyTo(padded, P256.PrivateKeyLength - scalar.Length);
        return padded;
    }
}
