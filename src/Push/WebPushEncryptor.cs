using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OO.Push;

/// <summary>
/// Encrypts a push message for one subscription as RFC 8291 prescribes: <c>aes128gcm</c>
/// content coding (RFC 8188), a single record, keyed by ECDH between a fresh application-server
/// key pair and the subscription's <c>p256dh</c> key, salted with its <c>auth</c> secret.
/// </summary>
public static class WebPushEncryptor
{
    /// <summary>
    /// The record size written in the header. RFC 8291 §4 lets a push service refuse more than
    /// 4096 octets of body, so the whole message is one record of at most this size.
    /// </summary>
    public const int RecordSize = 4096;

    /// <summary>Bytes the header adds: salt (16), record size (4), key id length (1), key (65).</summary>
    public const int HeaderLength = SaltLength + 4 + 1 + PublicKeyLength;

    /// <summary>
    /// The largest plaintext that still fits one 4096-octet body: the header, the 0x02 padding
    /// delimiter and the 16-byte GCM tag come out of the same 4096 octets.
    /// </summary>
    public const int MaxPlaintextLength = RecordSize - HeaderLength - 1 - TagLength;

    internal const int SaltLength = 16;
    internal const int AuthSecretLength = 16;
    internal const int PublicKeyLength = 65;
    private const int TagLength = 16;
    private const byte LastRecordDelimiter = 0x02;

    private static readonly byte[] KeyInfoPrefix = Encoding.ASCII.GetBytes("WebPush: info\0");
    private static readonly byte[] CekInfo = Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0");
    private static readonly byte[] NonceInfo = Encoding.ASCII.GetBytes("Content-Encoding: nonce\0");

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> with a fresh ephemeral key pair and a random salt.
    /// </summary>
    /// <param name="plaintext">At most <see cref="MaxPlaintextLength"/> bytes.</param>
    /// <param name="userAgentPublicKey">The subscription's <c>p256dh</c>: a 65-byte uncompressed P-256 point.</param>
    /// <param name="authSecret">The subscription's 16-byte <c>auth</c> secret.</param>
    /// <returns>The request body: the RFC 8188 header followed by the one encrypted record.</returns>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> userAgentPublicKey, ReadOnlySpan<byte> authSecret)
    {
        using var applicationServerKey = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        Span<byte> salt = stackalloc byte[SaltLength];
        RandomNumberGenerator.Fill(salt);
        return Encrypt(plaintext, userAgentPublicKey, authSecret, salt, applicationServerKey, out _);
    }

    /// <summary>
    /// The deterministic core, separate so that RFC 8291 §5 can be reproduced byte for byte with
    /// its fixed salt and application-server key pair; <paramref name="keySchedule"/> exposes the
    /// intermediate values the RFC prints.
    /// </summary>
    internal static byte[] Encrypt(
        ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> userAgentPublicKey,
        ReadOnlySpan<byte> authSecret,
        ReadOnlySpan<byte> salt,
        ECDiffieHellman applicationServerKey,
        out WebPushKeySchedule keySchedule)
    {
        if (plaintext.Length > MaxPlaintextLength)
        {
            throw new ArgumentException(
                $"A push payload may be at most {MaxPlaintextLength} bytes so that the encrypted body fits 4096 bytes; this one is {plaintext.Length} bytes.",
                nameof(plaintext));
        }

        if (authSecret.Length != AuthSecretLength)
        {
            throw new ArgumentException($"The auth secret must be {AuthSecretLength} bytes; it is {authSecret.Length}.", nameof(authSecret));
        }

        if (salt.Length != SaltLength)
        {
            throw new ArgumentException($"The salt must be {SaltLength} bytes; it is {salt.Length}.", nameof(salt));
        }

        var asPublic = P256.ExportUncompressed(applicationServerKey);
        var uaPublic = userAgentPublicKey.ToArray();
        using var userAgentKey = P256.ImportPublicKey(uaPublic);
        var ecdhSecret = applicationServerKey.DeriveRawSecretAgreement(userAgentKey.PublicKey);

        var prkKey = HKDF.Extract(HashAlgorithmName.SHA256, ecdhSecret, authSecret.ToArray());
        var keyInfo = Concat(KeyInfoPrefix, uaPublic, asPublic);
        var ikm = HKDF.Expand(HashAlgorithmName.SHA256, prkKey, 32, keyInfo);

        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt.ToArray());
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, CekInfo);
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, NonceInfo);
        keySchedule = new WebPushKeySchedule(ecdhSecret, prkKey, ikm, prk, cek, nonce);

        var recordLength = plaintext.Length + 1 + TagLength;
        var body = new byte[HeaderLength + recordLength];
        salt.CopyTo(body);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(SaltLength, 4), RecordSize);
        body[SaltLength + 4] = PublicKeyLength;
        asPublic.CopyTo(body.AsSpan(SaltLength + 5));

        var padded = new byte[plaintext.Length + 1];
        plaintext.CopyTo(padded);
        padded[^1] = LastRecordDelimiter;

        var record = body.AsSpan(HeaderLength);
        using var aes = new AesGcm(cek, TagLength);
        aes.Encrypt(nonce, padded, record[..padded.Length], record[padded.Length..]);
        return body;
    }

    private static byte[] Concat(params byte[][] parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }

        return result;
    }
}
