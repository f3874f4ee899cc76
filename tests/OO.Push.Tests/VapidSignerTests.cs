using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace OO.Push.Tests;

public sealed class VapidSignerTests
{
    [Theory]
    [InlineData("https://fcm.googleapis.com/fcm/send/abc", "https://fcm.googleapis.com")]
    [InlineData("https://updates.push.services.mozilla.com:443/wpush/v2/x", "https://updates.push.services.mozilla.com")]
    [InlineData("https://push.example:8443/p/1?x=y", "https://push.example:8443")]
    [InlineData("http://127.0.0.1:5123/push/1", "http://127.0.0.1:5123")]
    public void Audience_is_the_origin_of_the_endpoint_without_a_default_port(string endpoint, string expected) =>
        Assert.Equal(expected, VapidSigner.Audience(new Uri(endpoint)));

    [Fact]
    public void Token_is_an_es256_jwt_with_raw_signature_aud_exp_and_sub()
    {
        var keys = VapidKeys.Generate();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var signer = new VapidSigner(keys, Options.Create(new PushOptions { Subject = "mailto:ops@oo.example" }), clock);

        var (token, k) = Parse(signer.CreateAuthorization(new Uri("https://push.example/send/1")));
        var parts = token.Split('.');
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(parts[1]))!;
        var signature = Base64Url.DecodeFromChars(parts[2]);
        var publicKey = Base64Url.DecodeFromChars(k);
        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = publicKey[1..33], Y = publicKey[33..] },
        });

        Assert.Equal(keys.PublicKey, k);
        Assert.Equal("""{"typ":"JWT","alg":"ES256"}""", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])));
        Assert.Equal(64, signature.Length);
        Assert.True(verifier.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.Equal("https://push.example", claims["aud"].GetString());
        Assert.Equal(clock.GetUtcNow().AddHours(12).ToUnixTimeSeconds(), claims["exp"].GetInt64());
        Assert.Equal("mailto:ops@oo.example", claims["sub"].GetString());
    }

    [Fact]
    public void Token_is_reused_per_audience_until_near_expiry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var signer = new VapidSigner(VapidKeys.Generate(), Options.Create(new PushOptions()), clock);
        var endpoint = new Uri("https://push.example/a");

        var first = signer.CreateAuthorization(endpoint);
        clock.Advance(TimeSpan.FromHours(8));
        var eightHoursLater = signer.CreateAuthorization(new Uri("https://push.example/b"));
        var otherAudience = signer.CreateAuthorization(new Uri("https://other.example/a"));
        clock.Advance(TimeSpan.FromHours(2));
        var tenHoursLater = signer.CreateAuthorization(endpoint);

        Assert.Equal(first, eightHoursLater);
        Assert.NotEqual(first, otherAudience);
        Assert.NotEqual(first, tenHoursLater);
    }

    [Fact]
    public void The_token_cache_is_bounded_and_forgets_tokens_due_for_renewal()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var signer = new VapidSigner(VapidKeys.Generate(), Options.Create(new PushOptions()), clock);

        for (var i = 0; i < VapidSigner.MaxCachedAudiences * 3; i++)
        {
            signer.CreateAuthorization(new Uri($"https://push{i}.example/a"));
        }

        Assert.Equal(VapidSigner.MaxCachedAudiences, signer.CachedCount);
        clock.Advance(TimeSpan.FromHours(10));
        signer.CreateAuthorization(new Uri("https://push.example/a"));
        Assert.Equal(1, signer.CachedCount);
    }

    [Fact]
    public void A_token_lifetime_over_24_hours_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new VapidSigner(VapidKeys.Generate(), Options.Create(new PushOptions { TokenLifetime = TimeSpan.FromHours(25) }), TimeProvider.System));

    private static (string Token, string K) Parse(string authorization)
    {
        Assert.StartsWith("vapid t=", authorization, StringComparison.Ordinal);
        var parts = authorization["vapid ".Length..].Split(", ");
        return (parts[0]["t=".Length..], parts[1]["k=".Length..]);
    }
}
