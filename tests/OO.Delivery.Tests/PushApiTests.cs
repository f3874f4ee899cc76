using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OO.Api.Push;
using OO.Push;
using OO.Testing;
using OO.Testing.StandIns.WebPush;

namespace OO.Delivery.Tests;

/// <summary>The push endpoints a signed-in person's browser calls.</summary>
public sealed class PushApiTests(DeliveryHostFixture fixture) : IClassFixture<DeliveryHostFixture>
{
    [Fact]
    public async Task The_vapid_public_key_is_generated_once_and_kept_in_the_data_directory()
    {
        var user = await fixture.NewUserAsync(subscribe: false);

        var key = await user.Client.GetFromJsonAsync<VapidPublicKeyResponse>("/api/push/vapid-public-key");

        var stored = VapidKeyStore.LoadOrCreate(fixture.Settings["OO:DataDirectory"]!);
        Assert.Equal(stored.PublicKey, key!.PublicKey);
        Assert.Equal(65, Convert.FromBase64String(Base64(key.PublicKey)).Length);
    }

    [Theory]
    [InlineData("http://push.example.com/send/1", null, null, "endpoint")]
    [InlineData("not a url", null, null, "endpoint")]
    [InlineData(null, "BAAA", null, "keys.p256dh")]
    [InlineData(null, null, "c2hvcnQ", "keys.auth")]
    public async Task A_malformed_subscription_is_refused_naming_the_field_and_nothing_is_stored(
        string? endpoint, string? p256dh, string? auth, string field)
    {
        var user = await fixture.NewUserAsync(subscribe: false);
        var device = fixture.StandIn.CreateSubscription();

        var response = await user.Client.PostAsJsonAsync("/api/push/subscriptions", new
        {
            endpoint = endpoint ?? device.Endpoint.ToString(),
            keys = new { p256dh = p256dh ?? device.P256dh, auth = auth ?? device.Auth },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Equal([field], problem!.Errors.Keys);
        Assert.Equal(0, (await user.Grain.GetAdminView())!.Push!.Devices);
    }

    [Fact]
    public async Task A_subscription_without_keys_is_refused()
    {
        var user = await fixture.NewUserAsync(subscribe: false);

        var response = await user.Client.PostAsJsonAsync("/api/push/subscriptions", new { endpoint = "https://push.example.com/x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Contains("keys.p256dh", problem!.Errors.Keys);
        Assert.Contains("keys.auth", problem.Errors.Keys);
    }

    [Fact]
    public async Task Several_devices_are_kept_once_each_and_can_be_removed_one_or_all()
    {
        var user = await fixture.NewUserAsync();
        var second = fixture.StandIn.CreateSubscription();
        var third = fixture.StandIn.CreateSubscription();

        await Subscribe(user, second);
        var devices = await Subscribe(user, second);
        Assert.Equal(2, devices);
        Assert.Equal(3, await Subscribe(user, third));

        var one = new HttpRequestMessage(HttpMethod.Delete, "/api/push/subscriptions") { Content = JsonContent.Create(new { endpoint = second.Endpoint.ToString() }) };
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.SendAsync(one)).StatusCode);
        Assert.Equal(2, (await user.Grain.GetAdminView())!.Push!.Devices);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/push/subscriptions")).StatusCode);
        var view = await user.Grain.GetAdminView();
        Assert.Equal(0, view!.Push!.Devices);
        Assert.False(view.Push.DeliverReminder);
    }

    [Fact]
    public async Task The_test_endpoint_sends_a_notification_now_and_answers_with_a_coarse_outcome_per_device()
    {
        var user = await fixture.NewUserAsync();

        var response = await user.Client.PostAsync("/api/push/test", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("delivered", json.RootElement.GetProperty("outcome").GetString());
        var device = Assert.Single(json.RootElement.GetProperty("devices").EnumerateArray());
        Assert.Equal(["device", "outcome"], device.EnumerateObject().Select(p => p.Name));
        Assert.Equal("delivered", device.GetProperty("outcome").GetString());
        Assert.DoesNotContain(user.Device!.Id, json.RootElement.GetRawText(), StringComparison.Ordinal);
        var received = Assert.Single(fixture.StandIn.ReceivedFor(user.Device!));
        Assert.Null(received.VapidError);
        using var payload = JsonDocument.Parse(received.Plaintext!);
        Assert.Equal("test", payload.RootElement.GetProperty("type").GetString());
        // The dispatcher reports to the user grain one-way: wait for it.
        var view = await DeliveryHostFixture.AdminViewWhen(user, v => v.Push!.Delivered == 1, "the delivery to be recorded");
        Assert.Equal(1, view.Push!.TestPushes);
    }

    [Fact]
    public async Task The_test_endpoint_reports_a_gone_device_and_removes_it()
    {
        var user = await fixture.NewUserAsync();
        fixture.StandIn.Script(user.Device!, new StandInReply(410));

        var result = await (await user.Client.PostAsync("/api/push/test", JsonContent.Create(new { }))).Content.ReadFromJsonAsync<PushTestResponse>();

        Assert.Equal("removed", result!.Outcome);
        await DeliveryHostFixture.AdminViewWhen(user, v => v.Push!.Devices == 0, "the gone device to be removed");
        var again = await user.Client.PostAsync("/api/push/test", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_failing_device_is_reported_as_failed_without_its_status_or_attempts()
    {
        var user = await fixture.NewUserAsync();
        fixture.StandIn.Script(user.Device!, new StandInReply(500), new StandInReply(503));

        var response = await user.Client.PostAsync("/api/push/test", JsonContent.Create(new { }));

        var text = await response.Content.ReadAsStringAsync();
        var result = JsonSerializer.Deserialize<PushTestResponse>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Equal("failed", result!.Outcome);
        Assert.Equal("failed", Assert.Single(result.Devices).Outcome);
        // Only the coarse outcome and the device's id: no status code, no attempt count, nothing else.
        using var json = JsonDocument.Parse(text);
        Assert.Equal(["device", "outcome"], Assert.Single(json.RootElement.GetProperty("devices").EnumerateArray()).EnumerateObject().Select(p => p.Name).Order());
        Assert.DoesNotContain("500", text, StringComparison.Ordinal);
        Assert.DoesNotContain("503", text, StringComparison.Ordinal);
        Assert.DoesNotContain("attempt", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_second_test_push_within_the_cooldown_is_refused_with_retry_after_until_the_clock_moves_on()
    {
        var user = await fixture.NewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsync("/api/push/test", JsonContent.Create(new { }))).StatusCode);
        fixture.Clock.Advance(TimeSpan.FromSeconds(10));

        var again = await user.Client.PostAsync("/api/push/test", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(20), again.Headers.RetryAfter?.Delta);
        Assert.Single(fixture.StandIn.ReceivedFor(user.Device!));
        fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsync("/api/push/test", JsonContent.Create(new { }))).StatusCode);
        Assert.Equal(2, fixture.StandIn.ReceivedFor(user.Device!).Count);
    }

    [Fact]
    public async Task Opening_a_pushed_tip_is_recorded()
    {
        var user = await fixture.NewUserAsync();
        var sent = await user.Grain.DeliverNow();
        Assert.Equal("Send", sent.Reason);

        var opened = await user.Client.PostAsJsonAsync("/api/push/opened", new { tipId = sent.TipId });
        var unknown = await user.Client.PostAsJsonAsync("/api/push/opened", new { tipId = "nope" });

        Assert.Equal(HttpStatusCode.NoContent, opened.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(1, (await user.Grain.GetAdminView())!.Push!.Opened);
    }

    [Fact]
    public async Task Push_endpoints_need_a_signed_in_user()
    {
        var anonymous = fixture.Host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/push/vapid-public-key")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/push/test", JsonContent.Create(new { }))).StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_removes_its_push_state()
    {
        var user = await fixture.NewUserAsync();
        await user.Grain.DeliverNow();
        await DeliveryHostFixture.AdminViewWhen(user, v => v.Push!.Delivered == 1, "the delivery to be recorded");
        Assert.NotEmpty(await DatabaseScanner.FindAsync(fixture.Settings, user.Device!.Auth));

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/me")).StatusCode);

        Assert.Empty(await DatabaseScanner.FindAsync(fixture.Settings, user.Device.Endpoint.ToString()));
        Assert.Empty(await DatabaseScanner.FindAsync(fixture.Settings, user.Device.Auth));
        Assert.Empty(await DatabaseScanner.FindAsync(fixture.Settings, user.UserId));
    }

    [Fact]
    public async Task The_service_worker_pulls_in_the_push_handlers_and_the_settings_page_the_subscriber()
    {
        var client = fixture.Host.CreateClient();

        Assert.Contains("importScripts(\"/swpush.js\")", await client.GetStringAsync("/sw.js"), StringComparison.Ordinal);
        Assert.Contains("notificationclick", await client.GetStringAsync("/swpush.js"), StringComparison.Ordinal);
        Assert.Contains("pushManager.subscribe", await client.GetStringAsync("/push.js"), StringComparison.Ordinal);
        Assert.Contains("src=\"/push.js\"", await client.GetStringAsync("/settings"), StringComparison.Ordinal);
    }

    private static async Task<int> Subscribe(DeliveryUser user, StandInSubscription device)
    {
        var response = await user.Client.PostAsJsonAsync("/api/push/subscriptions", DeliveryUser.Body(device));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PushSubscriptionsResponse>())!.Devices;
    }

    private static string Base64(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
    }
}
