using System.Buffers.Text;
using System.Security.Cryptography;

namespace OO.Testing.StandIns.WebPush;

/// <summary>
/// The browser's side of a subscription: its own P-256 key pair and auth secret, which the
/// stand-in uses to decrypt what arrives. <see cref="Endpoint"/>, <see cref="P256dh"/> and
/// <see cref="Auth"/> are what a browser would hand to the application server.
/// </summary>
public sealed class StandInSubscription : IDisposable
{
    internal StandInSubscription(string id, Uri endpoint)
    {
        Id = id;
        Endpoint = endpoint;
        Key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        AuthSecret = RandomNumberGenerator.GetBytes(16);
        var q = Key.ExportParameters(false).Q;
        PublicKey = [0x04, .. q.X!, .. q.Y!];
    }

    /// <summary>The id in the endpoint path (/push/{id}).</summary>
    public string Id { get; }

    /// <summary>The push endpoint URL.</summary>
    public Uri Endpoint { get; }

    /// <summary>The user agent's private key (for decryption).</summary>
    public ECDiffieHellman Key { get; }

    /// <summary>The 65-byte uncompressed public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The 16-byte auth secret.</summary>
    public byte[] AuthSecret { get; }

    /// <summary>The public key, base64url, as <c>keys.p256dh</c>.</summary>
    public string P256dh => Base64Url.EncodeToString(PublicKey);

    /// <summary>The auth secret, base64url, as <c>keys.auth</c>.</summary>
    public string Auth => Base64Url.EncodeToString(AuthSecret);

    /// <inheritdoc />
    public void Dispose() => Key.Dispose();
}
