using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OO.Todoist.Tests.Support;
using OO.Todoist.Webhooks;

namespace OO.Todoist.Tests;

public sealed class WebhookTests
{
    [Fact]
    public async Task A_delivery_signed_like_Todoist_verifies()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var delivery = host.StandIn.CreateWebhook(TodoistWebhookEventNames.ItemCompleted, "7", new JsonObject { ["id"] = "123" });

        Assert.True(host.Verifier.IsValid(delivery.Body, delivery.Signature));
    }

    [Fact]
    public async Task A_forged_signature_fails()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var delivery = host.StandIn.CreateWebhook(TodoistWebhookEventNames.ItemAdded, "7", new JsonObject { ["id"] = "123" });
        var forged = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("not-the-secret"), delivery.Body));

        Assert.False(host.Verifier.IsValid(delivery.Body, forged));
    }

    [Fact]
    public async Task A_tampered_body_fails()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var delivery = host.StandIn.CreateWebhook(TodoistWebhookEventNames.ItemAdded, "7", new JsonObject { ["id"] = "123" });
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(delivery.Body).Replace("\"7\"", "\"8\"", StringComparison.Ordinal));

        Assert.NotEqual(delivery.Body, tampered);
        Assert.False(host.Verifier.IsValid(tampered, delivery.Signature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task A_missing_or_malformed_signature_fails(string? signature)
    {
        await using var host = await TodoistTestHost.StartAsync();
        var delivery = host.StandIn.CreateWebhook(TodoistWebhookEventNames.ItemAdded, "7", new JsonObject { ["id"] = "123" });

        Assert.False(host.Verifier.IsValid(delivery.Body, signature));
    }

    [Fact]
    public void Without_a_client_secret_nothing_verifies()
    {
        var verifier = new TodoistWebhookVerifier(new StaticOptionsMonitor(new TodoistOptions { ClientId = "c" }));
        var body = "{}"u8.ToArray();
        var signatureWithEmptyKey = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(Array.Empty<byte>(), body));

        Assert.False(verifier.IsValid(body, signatureWithEmptyKey));
    }

    [Fact]
    public async Task An_item_event_parses_with_its_task_user_and_delivery_id()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var task = host.StandIn.AddTask("2671355", "Pay rent", t =>
        {
            t["checked"] = true;
            t["priority"] = 3;
        });
        var delivery = host.StandIn.CreateWebhook(TodoistWebhookEventNames.ItemCompleted, "2671355", task, "delivery-1");

        Assert.True(TodoistWebhookParser.TryParse(delivery.Body, delivery.DeliveryId, out var parsed));

        Assert.Equal("item:completed", parsed.EventName);
        Assert.True(parsed.IsItemEvent);
        Assert.Equal("2671355", parsed.UserId);
        Assert.Equal((string)task["id"]!, parsed.TaskId);
        Assert.Equal("Pay rent", parsed.Task!.Content);
        Assert.Equal(3, parsed.Task.Priority);
        Assert.Equal("delivery-1", parsed.DeliveryId);
        Assert.Equal("10", parsed.Version);
        Assert.Equal("2671355", parsed.Initiator!.Id);
        Assert.NotNull(parsed.TriggeredAt);
        Assert.Equal("Pay rent", parsed.EventData.GetProperty("content").GetString());
    }

    [Fact]
    public void Numeric_ids_and_a_non_item_event_parse_too()
    {
        var body = """{"event_name":"project:added","user_id":2671355,"event_data":{"id":99,"name":"Home"},"version":"9","triggered_at":"2025-01-02T03:04:05Z"}"""u8;

        Assert.True(TodoistWebhookParser.TryParse(body, null, out var parsed));

        Assert.Equal("2671355", parsed.UserId);
        Assert.False(parsed.IsItemEvent);
        Assert.Null(parsed.TaskId);
        Assert.Null(parsed.Task);
        Assert.Null(parsed.DeliveryId);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), parsed.TriggeredAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"user_id":"7"}""")]
    [InlineData("""{"event_name":"item:added"}""")]
    public void A_body_that_is_not_a_webhook_event_does_not_parse(string body)
    {
        Assert.False(TodoistWebhookParser.TryParse(Encoding.UTF8.GetBytes(body), "d", out var parsed));
        Assert.Null(parsed);
    }

    private sealed class StaticOptionsMonitor(TodoistOptions value) : IOptionsMonitor<TodoistOptions>
    {
        public TodoistOptions CurrentValue => value;

        public TodoistOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<TodoistOptions, string?> listener) => null;
    }
}
