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
    [InlineData("http://example.com/send/1")]
    [InlineData("http://10.0.0.5/send/1")]
    [InlineData("ftp://push.example/send/1")]
    [InlineData("/push/1")]
    [InlineData("")]
    public void An_endpoint_that_is_not_https_is_refused(string endpoint)
    {
        var result = PushSubscriptionValidator.Validate(Valid() with { Endpoint = endpoint });

        Assert.False(result.IsValid);
        Assert.Equal([PushSubscriptionValidator.EndpointField], result.Errors.Keys);
    }

    [Theory]
    [InlineData("https://127.0.0.1/push/1")]
    [InlineData("https://127.1.2.3/push/1")]
    [InlineData("https://10.0.0.1/push/1")]
    [InlineData("https://172.16.5.4/push/1")]
    [InlineData("https://192.168.1.1/push/1")]
    [InlineData("https://100.64.0.1/push/1")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://0.0.0.0/push/1")]
    [InlineData("https://224.0.0.1/push/1")]
    [InlineData("https://192.0.2.10/push/1")]
    [InlineData("https://[::1]/push/1")]
    [InlineData("https://[::]/push/1")]
    [InlineData("https://[fe80::1]/push/1")]
    [InlineData("https://[fd00::1]/push/1")]
    [InlineData("https://[ff02::1]/push/1")]
    [InlineData("https://[2001:db8::1]/push/1")]
    [InlineData("https://[::ffff:127.0.0.1]/push/1")]
    [InlineData("https://[::ffff:169.254.169.254]/push/1")]
    [InlineData("https://[::ffff:10.0.0.1]/push/1")]
    [InlineData("https://2130706433/push/1")]
    [InlineData("https://0x7f.1/push/1")]
    [InlineData("https://localhost/push/1")]
    [InlineData("https://api.localhost/push/1")]
    [InlineData("https://metadata/push/1")]
    [InlineData("https://printer.local/push/1")]
    [InlineData("https://db.internal/push/1")]
    [InlineData("https://fcm.googleapis.com:8443/fcm/send/abc")]
    [InlineData("https://user:secret@fcm.googleapis.com/fcm/send/abc")]
    public void An_endpoint_that_is_not_on_a_public_host_on_port_443_is_refused(string endpoint)
    {
        var result = PushSubscriptionValidator.Validate(Valid() with { Endpoint = endpoint });

        Assert.Equal([PushSubscriptionValidator.EndpointField], result.Errors.Keys);
    }

    [Theory]
    [InlineData("https://fcm.googleapis.com/fcm/send/abc")]
    [InlineData("https://updates.push.services.mozilla.com:443/wpush/v2/x")]
    [InlineData("https://8.8.8.8/push/1")]
    [InlineData("https://[2606:4700::1111]/push/1")]
    public void An_https_endpoint_on_a_public_host_is_accepted(string endpoint) =>
        Assert.True(PushSubscriptionValidator.Validate(Valid() with { Endpoint = endpoint }).IsValid);

    [Theory]
    [InlineData("http://127.0.0.1:5000/push/1")]
    [InlineData("http://localhost:5000/push/1")]
    [InlineData("http://[::1]:5000/push/1")]
    [InlineData("https://127.0.0.1/push/1")]
    public void Loopback_endpoints_are_refused_unless_the_testing_switch_is_on(string endpoint)
    {
        Assert.False(PushSubscriptionValidator.Validate(Valid() with { Endpoint = endpoint }).IsValid);
        Assert.True(PushSubscriptionValidator.Validate(Valid() with { Endpoint = endpoint }, allowLoopbackEndpoints: true).IsValid);
    }

    [Theory]
    [InlineData("http://10.0.0.1/push/1")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("http://push.example/send/1")]
    public void The_testing_switch_allows_loopback_only(string endpoint) =>
        Assert.False(PushSubscriptionValidator.Validate(Valid() with { Endpoint = endpoint }, allowLoopbackEndpoints: true).IsValid);

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
