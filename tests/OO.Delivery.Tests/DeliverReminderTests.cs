using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OO.Grains.Push;
using OO.Push.Tests.StandIn;
using OO.Testing;

namespace OO.Delivery.Tests;

/// <summary>The real reminder, not a direct call: with notify on and a device, pushes come on their own.</summary>
public sealed class DeliverReminderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-delivery-{Guid.NewGuid():N}"),
        ["OO:Push:MinInterruptThreshold"] = "-1",
        ["OO:Push:DefaultInterruptThreshold"] = "-1",
        ["OO:Push:DeliverEvery"] = "00:00:01",
        ["OO:Reminders:MinimumPeriod"] = "00:00:01",
    };

    private PushServiceStandIn? _standIn;
    private OOTestHost? _host;

    public async Task InitializeAsync()
    {
        _standIn = await PushServiceStandIn.StartAsync();
        _host = await OOTestHost.StartAsync(_settings, services => services.AddSingleton(new PushClock(_clock)));
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
    public async Task The_deliver_reminder_pushes_once_and_then_respects_the_gap()
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
        // Several more ticks pass inside the minimum gap: nothing more arrives.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Single(_standIn.ReceivedFor(device));
        Assert.Null(_standIn.ReceivedFor(device)[0].VapidError);
    }
}
