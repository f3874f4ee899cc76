using System.Buffers.Text;
using System.Security.Cryptography;

namespace OO.Push.Tests;

public sealed class PushSubscriptionValidatorTests
{
    [Fact]
    public void A_browser_subscription_is_valid()
    {
        var result = PushSubscriptionValidator.Validate(Valid());

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Keys_with_base64_padding_are_accepted()
    {
        var valid = Valid();

        var result = PushSubscriptionValidator.Validate(valid with { P256dh = valid.P256dh + "=", Auth = valid.Auth + "==" });

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("http://push.example/send/1")]
    [InlineData("http://10.0.0.5/send/1")]
    [InlineData("ftp://push.example/send/1")]
    [InlineData("/push/1")]
    [InlineData("")]
    public void An_endpoint_that_is_not_https_or_loopback_http_is_refused(string endpoint)
    {
        var result = PushSubscriptionValidator.Validate(Valid() with { Endpoint = endpoint });

        Assert.False(result.IsValid);
        Assert.Equal([PushSubscriptionValidator.EndpointField], result.Errors.Keys);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/push/1")]
    [InlineData("http://localhost:5000/push/1")]
    [InlineData("http://[::1]:5000/push/1")]
    public void Plain_http_is_allowed_for_a_loopback_host(string endpoint) =>
        Assert.True(PushSubscriptionValidator.Validate(Valid() with { Endpoint = endpoint }).IsValid);

    [Fact]
    public void A_p256dh_that_is_not_a_point_on_the_curve_is_refused()
    {
        var notOnCurve = new byte[65];
        notOnCurve[0] = 0x04;
        notOnCurve[64] = 0x07;

        var result = PushSubscriptionValidator.Validate(Valid() with { P256dh = Base64Url.EncodeToString(notOnCurve) });

        Assert.Equal([PushSubscriptionValidator.P256dhField], result.Errors.Keys);
        Assert.Equal("The p256dh key is not a point on the P-256 curve.", result.Errors[PushSubscriptionValidator.P256dhField].Single());
    }

    [Fact]
    public void A_compressed_or_short_p256dh_is_refused()
    {
        var result = PushSubscriptionValidator.Validate(Valid() with { P256dh = Base64Url.EncodeToString(new byte[33]) });

        Assert.Contains("65-byte uncompressed", result.Errors[PushSubscriptionValidator.P256dhField].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_15_byte_auth_secret_is_refused()
    {
        var result = PushSubscriptionValidator.Validate(Valid() with { Auth = Base64Url.EncodeToString(new byte[15]) });

        Assert.Equal([PushSubscriptionValidator.AuthField], result.Errors.Keys);
        Assert.Equal("The auth secret must be 16 bytes; it is 15 bytes.", result.Errors[PushSubscriptionValidator.AuthField].Single());
    }

    [Fact]
    public void Keys_that_are_not_base64url_are_refused_per_field()
    {
        var result = PushSubscriptionValidator.Validate(Valid() with { P256dh = "not base64!", Auth = "ab+/cd==" });

        Assert.Equal("The p256dh key is not base64url.", result.Errors[PushSubscriptionValidator.P256dhField].Single());
        Assert.Equal("The auth secret is not base64url.", result.Errors[PushSubscriptionValidator.AuthField].Single());
        Assert.False(result.Errors.ContainsKey(PushSubscriptionValidator.EndpointField));
    }

    private static PushSubscription Valid()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = key.ExportParameters(false).Q;
        return new PushSubscription(
            "https://fcm.googleapis.com/fcm/send/abc",
            Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]),
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
    }
}
