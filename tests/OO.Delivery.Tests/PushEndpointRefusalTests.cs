using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using OO.Testing;
using OO.Testing.StandIns.WebPush;

namespace OO.Delivery.Tests;

/// <summary>
/// A host as deployed (the testing switch off): a subscription to anything but an https endpoint
/// on a public host is refused with a 400 naming the endpoint, so the server never sends there.
/// </summary>
public sealed class PushEndpointRefusalTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    [Theory]
    [InlineData("https://127.0.0.1/push/1")]
    [InlineData("https://10.0.0.1/push/1")]
    [InlineData("https://[::1]/push/1")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://localhost/push/1")]
    [InlineData("http://example.com/push/1")]
    [InlineData("https://[::ffff:10.0.0.1]/push/1")]
    [InlineData("https://push.example.com:8080/push/1")]
    public async Task A_subscription_to_a_non_public_or_plain_http_endpoint_is_refused(string endpoint)
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        using var device = Device();

        var response = await client.PostAsJsonAsync("/api/push/subscriptions", new { endpoint, keys = new { p256dh = device.P256dh, auth = device.Auth } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Equal(["endpoint"], problem!.Errors.Keys);
        Assert.False(string.IsNullOrWhiteSpace(problem.Errors["endpoint"].Single()));
    }

    [Fact]
    public async Task Without_the_testing_switch_a_loopback_push_service_is_refused_too()
    {
        await using var standIn = await PushServiceStandIn.StartAsync();
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var device = standIn.CreateSubscription();

        var response = await client.PostAsJsonAsync("/api/push/subscriptions", DeliveryUser.Body(device));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // Keys a browser would send; the endpoint is what is under test.
    private static StandInKeys Device() => new();

    private sealed class StandInKeys : IDisposable
    {
        private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

        public string P256dh
        {
            get
            {
                var q = _key.ExportParameters(false).Q;
                return System.Buffers.Text.Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]);
            }
        }

        public string Auth { get; } = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

        public void Dispose() => _key.Dispose();
    }
}
