using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OO.Api.Push;
using OO.Api.Tips;
using OO.Grains.Push;
using OO.Push;
using OO.Testing.StandIns.WebPush;
using OO.Testing;

namespace OO.Delivery.Tests;

/// <summary>The <c>deliver</c> decision: exactly the pushes the rules allow, each one readable and signed.</summary>
public sealed class DeliverDecisionTests(DeliveryHostFixture fixture) : IClassFixture<DeliveryHostFixture>
{
    [Fact]
    public async Task A_push_arrives_decrypts_to_the_tip_carries_a_valid_vapid_signature_and_opens_that_tip()
    {
        MoveToNextDayAt(10, 0);
        var user = await fixture.NewUserAsync();

        var decision = await user.Grain.DeliverNow();

        Assert.Equal("Send", decision.Reason);
        var received = await Arrived(user, 1);
        Assert.Null(received.VapidError);
        Assert.Null(received.DecryptionError);
        Assert.Equal(HttpStatusCode.Created, (HttpStatusCode)received.StatusCode);
        using var payload = JsonDocument.Parse(received.Plaintext!);
        Assert.Equal("tip", payload.RootElement.GetProperty("type").GetString());
        Assert.Equal(decision.TipId, payload.RootElement.GetProperty("tipId").GetString());
        Assert.Equal($"/?tip={decision.TipId}", payload.RootElement.GetProperty("url").GetString());
        var key = await user.Client.GetFromJsonAsync<VapidPublicKeyResponse>("/api/push/vapid-public-key");
        Assert.EndsWith($"k={key!.PublicKey}", received.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(fixture.StandIn.Origin, received.Claims!["aud"].GetString());
        Assert.Equal(PushPayload.TipTopic, received.Headers["Topic"]);

        // Clicking opens "/", where the pushed tip is the current one, with its text.
        var current = await user.Client.GetFromJsonAsync<TipResponse>("/api/tip");
        Assert.Equal(decision.TipId, current!.TipId);
        Assert.Equal(current.Content, payload.RootElement.GetProperty("body").GetString());
        var view = await DeliveryHostFixture.AdminViewWhen(user, v => v.Push!.Delivered == 1, "the delivery to be recorded");
        Assert.Equal(1, view.Push!.TipPushes);
        Assert.Equal(1, view.Push.Attempts);
        Assert.Equal("Delivered", view.Push.LastOutcome);
    }

    [Fact]
    public async Task No_push_arrives_in_quiet_hours_that_cross_midnight_on_the_users_clock()
    {
        // 22:00–07:00 in Berlin (UTC+2 in July).
        MoveToNextDayAt(21, 30);
        var user = await fixture.NewUserAsync(timeZone: "Europe/Berlin", quietStart: "22:00", quietEnd: "07:00");

        Assert.Equal("QuietHours", (await user.Grain.DeliverNow()).Reason);   // 23:30 local
        fixture.Clock.Advance(TimeSpan.FromHours(5.5));
        Assert.Equal("QuietHours", (await user.Grain.DeliverNow()).Reason);   // 05:00 local
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal("Send", (await user.Grain.DeliverNow()).Reason);        // 07:00 local: quiet has ended

        await Arrived(user, 1);
    }

    [Fact]
    public async Task Quiet_hours_follow_the_daylight_saving_change()
    {
        // The morning clocks go forward in Berlin (01:00 UTC): 04:30 UTC is 06:30 local, 05:30 UTC is 07:30.
        var change = NextEuropeanSpringForward(fixture.Clock.GetUtcNow());
        fixture.Clock.SetUtcNow(change.AddHours(3.5));
        var user = await fixture.NewUserAsync(timeZone: "Europe/Berlin", quietStart: "22:00", quietEnd: "07:00");

        Assert.Equal("QuietHours", (await user.Grain.DeliverNow()).Reason);
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("Send", (await user.Grain.DeliverNow()).Reason);
    }

    [Fact]
    public async Task No_push_arrives_over_the_daily_cap()
    {
        MoveToNextDayAt(8, 0);
        var user = await fixture.NewUserAsync(dailyPushCap: 2);

        for (var i = 0; i < 2; i++)
        {
            var sent = await user.Grain.DeliverNow();
            Assert.Equal("Send", sent.Reason);
            await Arrived(user, i + 1);
            await Done(user, sent.TipId!);
            fixture.Clock.Advance(TimeSpan.FromHours(3));
        }

        Assert.Equal("DailyCapReached", (await user.Grain.DeliverNow()).Reason);
        fixture.Clock.Advance(TimeSpan.FromHours(20));    // 10:00 the next day
        Assert.Equal("Send", (await user.Grain.DeliverNow()).Reason);
        await Arrived(user, 3);
    }

    [Fact]
    public async Task No_push_arrives_inside_the_minimum_gap()
    {
        MoveToNextDayAt(9, 0);
        var user = await fixture.NewUserAsync();
        var first = await user.Grain.DeliverNow();
        await Arrived(user, 1);
        await Done(user, first.TipId!);

        fixture.Clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal("TooSoon", (await user.Grain.DeliverNow()).Reason);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Send", (await user.Grain.DeliverNow()).Reason);

        await Arrived(user, 2);
    }

    [Fact]
    public async Task The_same_tip_is_not_pushed_twice()
    {
        MoveToNextDayAt(9, 0);
        var user = await fixture.NewUserAsync();
        Assert.Equal("Send", (await user.Grain.DeliverNow()).Reason);
        await Arrived(user, 1);

        fixture.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal("SameAsLastPush", (await user.Grain.DeliverNow()).Reason);

        // Nothing was handed to the dispatcher: one push recorded, one received.
        Assert.Equal(1, (await user.Grain.GetAdminView())!.Push!.TipPushes);
        Assert.Single(fixture.StandIn.ReceivedFor(user.Device!));
    }

    [Fact]
    public async Task A_gone_subscription_is_removed_and_the_reminder_stops()
    {
        MoveToNextDayAt(9, 0);
        var user = await fixture.NewUserAsync();
        Assert.True((await user.Grain.GetAdminView())!.Push!.DeliverReminder);
        fixture.StandIn.Script(user.Device!, new StandInReply(StatusCodesGone));

        await user.Grain.DeliverNow();

        var view = await DeliveryHostFixture.AdminViewWhen(user, v => v.Push!.Gone == 1, "the 410 to be recorded");
        Assert.Equal(0, view.Push!.Devices);
        Assert.False(view.Push.DeliverReminder);
        fixture.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal("NoSubscription", (await user.Grain.DeliverNow()).Reason);
    }

    [Fact]
    public async Task A_rate_limited_device_gets_nothing_until_retry_after_has_passed()
    {
        MoveToNextDayAt(9, 0);
        var user = await fixture.NewUserAsync();
        fixture.StandIn.Script(user.Device!, new StandInReply(429, "7200"));

        var first = await user.Grain.DeliverNow();
        await DeliveryHostFixture.AdminViewWhen(user, v => v.Push!.RateLimited == 1, "the 429 to be recorded");
        await Done(user, first.TipId!);

        fixture.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("RateLimited", (await user.Grain.DeliverNow()).Reason);
        fixture.Clock.Advance(TimeSpan.FromHours(1.5));
        Assert.Equal("Send", (await user.Grain.DeliverNow()).Reason);
        await Arrived(user, 2);
    }

    [Fact]
    public async Task A_dismissed_push_raises_the_interrupt_threshold()
    {
        MoveToNextDayAt(9, 0);
        var user = await fixture.NewUserAsync();
        var sent = await user.Grain.DeliverNow();
        await DeliveryHostFixture.AdminViewWhen(user, v => v.Push!.Delivered == 1, "the delivery to be recorded");
        (await user.Client.PostAsJsonAsync($"/api/tips/{sent.TipId}/feedback", new { reaction = "dismiss", dwellMs = 2000 })).EnsureSuccessStatusCode();

        fixture.Clock.Advance(TimeSpan.FromMinutes(15));
        await user.Grain.DeliverNow();

        var view = await user.Grain.GetAdminView();
        Assert.Equal(-1 + new PushOptions().ThresholdIncreaseOnIgnore, view!.Push!.InterruptThreshold, 6);
    }

    [Fact]
    public async Task The_deliver_reminder_runs_only_while_notify_is_on_and_a_device_is_subscribed()
    {
        MoveToNextDayAt(9, 0);
        var user = await fixture.NewUserAsync(subscribe: false);
        Assert.False((await user.Grain.GetAdminView())!.Push!.DeliverReminder);

        var device = fixture.StandIn.CreateSubscription();
        (await user.Client.PostAsJsonAsync("/api/push/subscriptions", DeliveryUser.Body(device))).EnsureSuccessStatusCode();
        Assert.True((await user.Grain.GetAdminView())!.Push!.DeliverReminder);

        (await user.Client.PutAsJsonAsync("/api/me/settings", new
        {
            timeZone = "UTC", quietHours = new { start = "22:00", end = "07:00" }, dailyPushCap = 3, notify = false,
        })).EnsureSuccessStatusCode();
        Assert.False((await user.Grain.GetAdminView())!.Push!.DeliverReminder);
        Assert.Equal("NotifyOff", (await user.Grain.DeliverNow()).Reason);
    }

    private const int StatusCodesGone = 410;

    private void MoveToNextDayAt(int hour, int minute)
    {
        var now = fixture.Clock.GetUtcNow();
        fixture.Clock.SetUtcNow(new DateTimeOffset(now.Date.AddDays(2).AddHours(hour).AddMinutes(minute), TimeSpan.Zero));
    }

    private static DateTimeOffset NextEuropeanSpringForward(DateTimeOffset after)
    {
        // The last Sunday of March, 01:00 UTC, of the next year.
        var day = new DateTime(after.Year + 1, 3, 31);
        while (day.DayOfWeek != DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return new DateTimeOffset(day.AddHours(1), TimeSpan.Zero);
    }

    private async Task<ReceivedPushMessage> Arrived(DeliveryUser user, int count)
    {
        await Eventually.True(
            () => Task.FromResult(fixture.StandIn.ReceivedFor(user.Device!).Count >= count), TimeSpan.FromSeconds(20), $"push {count}");
        var received = fixture.StandIn.ReceivedFor(user.Device!);
        Assert.Equal(count, received.Count);
        return received[^1];
    }

    private static async Task Done(DeliveryUser user, string tipId) =>
        (await user.Client.PostAsJsonAsync($"/api/tips/{tipId}/feedback", new { reaction = "done", dwellMs = 30_000 })).EnsureSuccessStatusCode();
}
