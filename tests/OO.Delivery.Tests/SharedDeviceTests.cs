using System.Net;
using System.Net.Http.Json;
using OO.Api.Me;
using OO.Api.Push;
using OO.Grains.Interfaces.Push;
using OO.Grains.Interfaces.Users;
using OO.Testing;
using OO.Testing.StandIns.WebPush;

namespace OO.Delivery.Tests;

/// <summary>
/// One browser, two people: a push endpoint belongs to the user who registered it last, so the
/// one before never reaches that screen again; deleting an account lets go of its endpoints.
/// On both engines, because who owns an endpoint is stored.
/// </summary>
public sealed class SharedDeviceTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Registering_a_device_for_b_removes_it_from_a_so_a_push_for_a_no_longer_reaches_it(string engine)
    {
        await using var standIn = await PushServiceStandIn.StartAsync();
        var settings = await Settings(engine);
        var device = standIn.CreateSubscription();
        string bId;
        await using (var host = await OOTestHost.StartAsync(settings))
        {
            var (a, aId) = await SignInAsync(host);
            var (b, id) = await SignInAsync(host);
            bId = id;
            (await a.PutAsJsonAsync("/api/me/settings", new
            {
                timeZone = "UTC", quietHours = new { start = "00:00", end = "00:00" }, dailyPushCap = 3, notify = true,
            })).EnsureSuccessStatusCode();
            Assert.Equal(1, await SubscribeAsync(a, device));

            Assert.Equal(1, await SubscribeAsync(b, device));

            // A is told one-way; until A drops it, the endpoint's owner (B) already keeps A's pushes off it.
            await DevicesBecome(host, aId, 0);
            Assert.Equal(HttpStatusCode.Conflict, (await a.PostAsync("/api/push/test", JsonContent.Create(new { }))).StatusCode);
            Assert.Equal("NoSubscription", (await host.Grains.GetGrain<IUserGrain>(aId).DeliverNow()).Reason);
            var test = await (await b.PostAsync("/api/push/test", JsonContent.Create(new { }))).Content.ReadFromJsonAsync<PushTestResponse>();
            Assert.Equal(PushTestOutcomes.Delivered, test!.Outcome);
            Assert.Single(standIn.ReceivedFor(device));
        }

        // The owner is stored: after a restart on the same database it is still B.
        await using (var restarted = await OOTestHost.StartAsync(settings))
        {
            Assert.Equal(bId, await restarted.Grains.GetGrain<IPushEndpointGrain>(PushEndpointKey.Of(device.Endpoint.ToString())).GetOwner());
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Deleting_an_account_releases_its_endpoints(string engine)
    {
        await using var standIn = await PushServiceStandIn.StartAsync();
        var settings = await Settings(engine);
        await using var host = await OOTestHost.StartAsync(settings);
        var (a, aId) = await SignInAsync(host);
        var device = standIn.CreateSubscription();
        await SubscribeAsync(a, device);
        var endpoint = host.Grains.GetGrain<IPushEndpointGrain>(PushEndpointKey.Of(device.Endpoint.ToString()));
        Assert.Equal(aId, await endpoint.GetOwner());

        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync("/api/me")).StatusCode);

        Assert.Null(await endpoint.GetOwner());
        Assert.Empty(await DatabaseScanner.FindAsync(settings, aId));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Removing_a_device_releases_it(string engine)
    {
        await using var standIn = await PushServiceStandIn.StartAsync();
        var settings = await Settings(engine);
        await using var host = await OOTestHost.StartAsync(settings);
        var (a, _) = await SignInAsync(host);
        var device = standIn.CreateSubscription();
        await SubscribeAsync(a, device);

        var remove = new HttpRequestMessage(HttpMethod.Delete, "/api/push/subscriptions") { Content = JsonContent.Create(new { endpoint = device.Endpoint.ToString() }) };
        Assert.Equal(HttpStatusCode.NoContent, (await a.SendAsync(remove)).StatusCode);

        Assert.Null(await host.Grains.GetGrain<IPushEndpointGrain>(PushEndpointKey.Of(device.Endpoint.ToString())).GetOwner());
    }

    [Fact]
    public async Task A_device_taken_by_another_user_is_not_pushed_to_even_if_its_old_owner_was_never_told()
    {
        await using var standIn = await PushServiceStandIn.StartAsync();
        await using var host = await OOTestHost.StartAsync(await Settings("sqlite"));
        var (a, aId) = await SignInAsync(host);
        (await a.PutAsJsonAsync("/api/me/settings", new
        {
            timeZone = "UTC", quietHours = new { start = "00:00", end = "00:00" }, dailyPushCap = 3, notify = true,
        })).EnsureSuccessStatusCode();
        var device = standIn.CreateSubscription();
        await SubscribeAsync(a, device);
        // Someone else claims the endpoint without A's grain hearing of it (a lost message).
        await host.Grains.GetGrain<IPushEndpointGrain>(PushEndpointKey.Of(device.Endpoint.ToString())).Claim("someone-else");

        var test = await a.PostAsync("/api/push/test", JsonContent.Create(new { }));

        Assert.Equal(PushTestOutcomes.Removed, (await test.Content.ReadFromJsonAsync<PushTestResponse>())!.Outcome);
        Assert.Empty(standIn.ReceivedFor(device));
        await DevicesBecome(host, aId, 0);
        Assert.Equal("someone-else", await host.Grains.GetGrain<IPushEndpointGrain>(PushEndpointKey.Of(device.Endpoint.ToString())).GetOwner());
    }

    [Fact]
    public async Task Two_users_taking_over_each_others_devices_at_once_both_finish_quickly()
    {
        await using var standIn = await PushServiceStandIn.StartAsync();
        await using var host = await OOTestHost.StartAsync(await Settings("sqlite"));
        var (a, aId) = await SignInAsync(host);
        var (b, bId) = await SignInAsync(host);
        var aDevice = standIn.CreateSubscription();
        var bDevice = standIn.CreateSubscription();
        await SubscribeAsync(a, aDevice);
        await SubscribeAsync(b, bDevice);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Each takes the other's device at the same moment. Had each user grain awaited the other inside
        // its turn, both would wait for each other until the 30-second call timeout.
        await Task.WhenAll(SubscribeAsync(a, bDevice), SubscribeAsync(b, aDevice));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        Assert.Equal(aId, await host.Grains.GetGrain<IPushEndpointGrain>(PushEndpointKey.Of(bDevice.Endpoint.ToString())).GetOwner());
        Assert.Equal(bId, await host.Grains.GetGrain<IPushEndpointGrain>(PushEndpointKey.Of(aDevice.Endpoint.ToString())).GetOwner());
        // Each then drops the device the other took.
        await DevicesBecome(host, aId, 1);
        await DevicesBecome(host, bId, 1);
    }

    private static Task DevicesBecome(OOTestHost host, string userId, int devices) =>
        Eventually.True(
            async () => (await host.Grains.GetGrain<IUserGrain>(userId).GetAdminView())!.Push!.Devices == devices,
            TimeSpan.FromSeconds(20), $"user {userId} to have {devices} push devices");

    private async Task<Dictionary<string, string?>> Settings(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        settings["OO:Push:AllowLoopbackEndpoints"] = "true";
        return settings;
    }

    private static async Task<(HttpClient Client, string UserId)> SignInAsync(OOTestHost host)
    {
        var client = await host.SignInAsync($"user-{Guid.NewGuid():N}@example.com");
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        return (client, me!.UserId);
    }

    private static async Task<int> SubscribeAsync(HttpClient client, StandInSubscription device)
    {
        var response = await client.PostAsJsonAsync("/api/push/subscriptions", DeliveryUser.Body(device));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PushSubscriptionsResponse>())!.Devices;
    }
}
