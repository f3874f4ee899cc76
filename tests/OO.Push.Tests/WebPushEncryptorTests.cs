using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OO.Push.Tests;

public sealed class WebPushEncryptorTests
{
    // RFC 8291 Section 5, every value as the RFC prints it.
    private const string Plaintext = "When I grow up, I want to be a watermelon";
    private const string AuthSecret = "BTBZMqHH6r4Tts7J_aSIgg";
    private const string Salt = "DGv6ra1nlYgDCS1FRnbzlw";
    private const string AsPrivate = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private const string AsPublic = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private const string UaPublic = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private const string Body =
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    [Fact]
    public void Rfc8291_section5_example_is_reproduced_byte_for_byte()
    {
        using var asKey = ECDiffieHellman.Create(P256.PrivateParameters(Decode(AsPrivate), Decode(AsPublic)));

        var body = WebPushEncryptor.Encrypt(
            Encoding.UTF8.GetBytes(Plaintext), Decode(UaPublic), Decode(AuthSecret), Decode(Salt), asKey, out var schedule);

        Assert.Equal("kyrL1jIIOHEzg3sM2ZWRHDRB62YACZhhSlknJ672kSs", Encode(schedule.EcdhSecret));
        Assert.Equal("Snr3JMxaHVDXHWJn5wdC52WjpCtd2EIEGBykDcZW32k", Encode(schedule.PrkKey));
        Assert.Equal("S4lYMb_L0FxCeq0WhDx813KgSYqU26kOyzWUdsXYyrg", Encode(schedule.Ikm));
        Assert.Equal("09_eUZGrsvxChDCGRCdkLiDXrReGOEVeSCdCcPBSJSc", Encode(schedule.Prk));
        Assert.Equal("oIhVW04MRdy2XN9CiKLxTg", Encode(schedule.Cek));
        Assert.Equal("4h_95klXJ5E_qnoN", Encode(schedule.Nonce));
        Assert.Equal(144, body.Length);
        Assert.Equal(Body, Encode(body));
    }

    [Fact]
    public void Each_encryption_uses_a_fresh_key_and_salt()
    {
        using var ua = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var uaPublic = P256.ExportUncompressed(ua);
        var auth = RandomNumberGenerator.GetBytes(16);

        var first = WebPushEncryptor.Encrypt("same"u8, uaPublic, auth);
        var second = WebPushEncryptor.Encrypt("same"u8, uaPublic, auth);

        Assert.NotEqual(first[..16], second[..16]);
        Assert.NotEqual(first[21..86], second[21..86]);
        Assert.Equal(WebPushEncryptor.HeaderLength + 4 + 1 + 16, first.Length);
    }

    [Fact]
    public void The_largest_allowed_payload_fits_4096_bytes_and_one_more_byte_is_refused()
    {
        using var ua = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var uaPublic = P256.ExportUncompressed(ua);
        var auth = RandomNumberGenerator.GetBytes(16);

        var body = WebPushEncryptor.Encrypt(new byte[WebPushEncryptor.MaxPlaintextLength], uaPublic, auth);
        var error = Assert.Throws<ArgumentException>(() => WebPushEncryptor.Encrypt(new byte[WebPushEncryptor.MaxPlaintextLength + 1], uaPublic, auth));

        Assert.Equal(4096, body.Length);
        Assert.Contains("at most 3993 bytes", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Decode(string text) => Base64Url.DecodeFromChars(text);

    private static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
