using OO.Testing;

namespace OO.Delivery.Tests;

/// <summary>A push sent to a person's device, and what the push service answered, are published to the event log.</summary>
public sealed class PushEventTests(DeliveryHostFixture fixture) : IClassFixture<DeliveryHostFixture>
{
    [Fact]
    public async Task A_sent_push_and_its_outcome_are_published_without_the_device_endpoint()
    {
        var now = fixture.Clock.GetUtcNow();
        fixture.Clock.SetUtcNow(new DateTimeOffset(now.Date.AddDays(2).AddHours(10), TimeSpan.Zero));
        var user = await fixture.NewUserAsync();

        var decision = await user.Grain.DeliverNow();

        Assert.Equal("Send", decision.Reason);
        await Eventually.True(
            async () => await AnalyticsRows.CountAsync(fixture.Settings, "oo_events",
                $"user_id = '{user.UserId}' AND subject = 'push.outcome' AND payload_json LIKE '%\"delivered\":true%'") == 1,
            TimeSpan.FromSeconds(20),
            "the push.outcome event");
        var sent = await AnalyticsRows.ReadAsync(fixture.Settings,
            $"SELECT payload_json FROM oo_events WHERE user_id = '{user.UserId}' AND subject = 'push.sent'");
        Assert.Contains($"\"tipId\":\"{decision.TipId}\"", Assert.Single(sent), StringComparison.Ordinal);
        Assert.Contains("\"devices\":1", sent[0], StringComparison.Ordinal);
        var payloads = await AnalyticsRows.ReadAsync(fixture.Settings, $"SELECT payload_json FROM oo_events WHERE user_id = '{user.UserId}'");
        Assert.DoesNotContain(payloads, p => p.Contains(user.Device!.Endpoint.Host, StringComparison.Ordinal) && p.Contains("endpoint", StringComparison.OrdinalIgnoreCase));
    }
}
