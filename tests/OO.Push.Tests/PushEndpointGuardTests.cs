using System.Net;
using OO.Testing.StandIns.WebPush;

namespace OO.Push.Tests;

/// <summary>The connect-time check: whatever DNS answers, only allowed addresses are connected to.</summary>
public sealed class PushEndpointGuardTests : IAsyncLifetime
{
    private PushServiceStandIn _service = null!;

    public async Task InitializeAsync() => _service = await PushServiceStandIn.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Theory]
    [InlineData("10.0.0.7")]
    [InlineData("169.254.169.254")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:192.168.0.1")]
    public async Task A_public_looking_name_that_resolves_to_a_non_public_address_is_refused(string address)
    {
        using var client = Client(allowLoopback: false, IPAddress.Parse(address));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(StandInUrl()));

        Assert.IsType<PushAddressRefusedException>(error.InnerException);
    }

    [Fact]
    public async Task A_name_that_also_resolves_to_a_private_address_is_refused()
    {
        using var client = Client(allowLoopback: true, IPAddress.Loopback, IPAddress.Parse("192.168.1.1"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(StandInUrl()));

        Assert.IsType<PushAddressRefusedException>(error.InnerException);
    }

    [Fact]
    public async Task With_the_testing_switch_a_loopback_address_is_connected_to()
    {
        using var client = Client(allowLoopback: true, IPAddress.Loopback);

        // The stand-in answers: the connection was made (to an unknown path, so not 2xx).
        using var response = await client.GetAsync(StandInUrl());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private HttpClient Client(bool allowLoopback, params IPAddress[] addresses)
    {
        var guard = new PushEndpointGuard(allowLoopback, (_, _) => Task.FromResult(addresses));
        return new HttpClient(new SocketsHttpHandler { ConnectCallback = guard.ConnectAsync, UseProxy = false });
    }

    // A public-looking name on the stand-in's port; only the guard's resolver knows where it is.
    private Uri StandInUrl() => new($"http://push.example.com:{new Uri(_service.Origin).Port}/nothing-here");
}
