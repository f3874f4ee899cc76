using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OO.Testing.StandIns.WebPush;
using OO.Grains;
using OO.Testing;

namespace OO.Delivery.Tests;

/// <summary>The real reminder, not a direct call: with notify on and a device, pushes come on their own.</summary>
public sealed class DeliverReminderTests : IAsyncLifetime
{
    private readonly ShiftedClock _clock = new(new DateTimeOffset(DateTime.UtcNow.Year + 1, 7, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-delivery-{Guid.NewGuid():N}"),
        ["OO:Push:MinInterruptThreshold"] = "-1",
        ["OO:Push:DefaultInterruptThreshold"] = "-1",
        ["OO:Push:DeliverEvery"] = "00:00:01",
        ["OO:Reminders:MinimumPeriod"] = "00:00:01",
        ["OO:Push:AllowLoopbackEndpoints"] = "true",
    };

    private PushServiceStandIn? _standIn;
    private OOTestHost? _host;

    public async Task InitializeAsync()
    {
        _standIn = await PushServiceStandIn.StartAsync();
        _host = await OOTestHost.StartAsync(_settings, services => services.AddKeyedSingleton<TimeProvider>(GrainClock.ServiceKey, _clock));
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

    [Fact]
    public async Task The_deliver_reminder_pushes_on_its_own_and_again_once_the_gap_has_passed()
    {
        var client = await _host!.SignInAsync($"user-{Guid.NewGuid():N}@example.com");
        await Eventually.True(
            async () => (await client.GetAsync("/api/tip")).StatusCode == System.Net.HttpStatusCode.OK, TimeSpan.FromSeconds(20), "demo tasks");
        (await client.PutAsJsonAsync("/api/me/settings", new
        {
            timeZone = "UTC", quietHours = new { start = "22:00", end = "07:00" }, dailyPushCap = 3, notify = true,
        })).EnsureSuccessStatusCode();
        var device = _standIn!.CreateSubscription();

        (await client.PostAsJsonAsync("/api/push/subscriptions", DeliveryUser.Body(device))).EnsureSuccessStatusCode();

        await Eventually.True(() => Task.FromResult(_standIn.ReceivedFor(device).Count == 1), TimeSpan.FromSeconds(30), "the reminder's push");
        Assert.Null(_standIn.ReceivedFor(device)[0].VapidError);
        var userId = (await client.GetFromJsonAsync<OO.Api.Me.MeResponse>("/api/me"))!.UserId;
        var grain = _host.Grains.GetGrain<OO.Grains.Interfaces.Users.IUserGrain>(userId);
        using (var pushed = System.Text.Json.JsonDocument.Parse(_standIn.ReceivedFor(device)[0].Plaintext!))
        {
            var tipId = pushed.RootElement.GetProperty("tipId").GetString();
            (await client.PostAsJsonAsync($"/api/tips/{tipId}/feedback", new { reaction = "done", dwellMs = 30_000 })).EnsureSuccessStatusCode();
        }

        // Inside the minimum gap the rule says no; once the clock passes it, the reminder pushes again by itself.
        Assert.Equal("TooSoon", (await grain.DeliverNow()).Reason);
        _clock.Advance(TimeSpan.FromHours(2));
        await Eventually.True(() => Task.FromResult(_standIn.ReceivedFor(device).Count == 2), TimeSpan.FromSeconds(30), "the reminder's next push");
    }
}
