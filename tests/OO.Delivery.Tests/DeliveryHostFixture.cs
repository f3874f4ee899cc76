using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OO.Api.Me;
using OO.Grains.Interfaces.Admin;
using OO.Grains.Interfaces.Users;
using OO.Testing.StandIns.WebPush;
using OO.Grains;
using OO.Testing;

namespace OO.Delivery.Tests;

/// <summary>
/// One oO host per test class with a push-service stand-in on 127.0.0.1 (so the testing switch
/// <c>OO:Push:AllowLoopbackEndpoints</c> is on) and a <see cref="ShiftedClock"/> as the grains'
/// one clock (<see cref="GrainClock"/>); Orleans and the rest of the host keep the real one.
/// Tests stay independent by signing in as their own user and moving the clock forward only.
/// </summary>
public sealed class DeliveryHostFixture : IAsyncLifetime
{
    private OOTestHost? _host;
    private PushServiceStandIn? _standIn;

    public OOTestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public PushServiceStandIn StandIn => _standIn ?? throw new InvalidOperationException("The stand-in has not started.");

    /// <summary>The grains' clock; it starts on 1 July next year, 10:00 UTC (summer time in Europe, as the tests' zones expect).</summary>
    public ShiftedClock Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Year + 1, 7, 1, 10, 0, 0, TimeSpan.Zero));

    public IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-delivery-{Guid.NewGuid():N}"),
        ["OO:Auth:AdminEmails"] = "root@example.com",
        ["OO:Auth:FirstUserIsAdmin"] = "false",
        // Every candidate is worth a push here: these tests are about the other rules.
        ["OO:Push:MinInterruptThreshold"] = "-1",
        ["OO:Push:DefaultInterruptThreshold"] = "-1",
        // A push serves the policy's own draw; with (almost) no exploration the same tip wins twice, as the same-as-last test needs.
        ["OO:Learning:Policy:ExplorationFloor"] = "0.000001",
        ["OO:Push:MaxAttempts"] = "2",
        ["OO:Push:RetryBaseDelay"] = "00:00:00.010",
        ["OO:Push:AllowLoopbackEndpoints"] = "true",
    };

    public async Task InitializeAsync()
    {
        _standIn = await PushServiceStandIn.StartAsync();
        _host = await OOTestHost.StartAsync(Settings, services => services.AddKeyedSingleton<TimeProvider>(GrainClock.ServiceKey, Clock));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_standIn is not null)
        {
            await _standIn.DisposeAsync();
        }
    }

    /// <summary>
    /// A new signed-in user with notify on and these settings, who has tasks to suggest, and one
    /// subscribed device of the stand-in (unless <paramref name="subscribe"/> is false).
    /// </summary>
    public async Task<DeliveryUser> NewUserAsync(
        string timeZone = "UTC", string quietStart = "22:00", string quietEnd = "07:00", int dailyPushCap = 3, bool subscribe = true)
    {
        var client = await Host.SignInAsync($"user-{Guid.NewGuid():N}@example.com");
        var userId = (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        (await client.PutAsJsonAsync("/api/me/settings", new
        {
            timeZone, quietHours = new { start = quietStart, end = quietEnd }, dailyPushCap, notify = true,
        })).EnsureSuccessStatusCode();

        // The demo source's first snapshot reaches the user grain through a stream.
        await Eventually.True(
            async () => (await client.GetAsync("/api/tip")).StatusCode == System.Net.HttpStatusCode.OK, TimeSpan.FromSeconds(20), "demo tasks");

        var user = new DeliveryUser(client, userId, Host.Grains.GetGrain<IUserGrain>(userId), subscribe ? StandIn.CreateSubscription() : null);
        if (user.Device is { } device)
        {
            (await client.PostAsJsonAsync("/api/push/subscriptions", DeliveryUser.Body(device))).EnsureSuccessStatusCode();
        }

        return user;
    }

    /// <summary>The admin view of the user's push state, once <paramref name="done"/> holds for it.</summary>
    public static async Task<UserAdminView> AdminViewWhen(DeliveryUser user, Func<UserAdminView, bool> done, string what) =>
        await Eventually.Get(
            async () => await user.Grain.GetAdminView() is { } view && done(view) ? view : null, TimeSpan.FromSeconds(20), what);
}
