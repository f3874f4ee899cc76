using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OO.Integrations.Tests.Infrastructure;
using OO.Testing;

namespace OO.Integrations.Tests;

/// <summary>Todoist's signed webhooks: forgeries are refused, deliveries count once, a completion is a delayed reward.</summary>
public sealed class WebhookTests
{
    [Fact]
    public async Task A_forged_delivery_is_refused_and_changes_nothing()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        var task = env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Mow the lawn");
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        var tip = await TodoistEnvironment.TodoistTipAsync(client);
        var genuine = env.StandIn.CreateWebhook("item:completed", env.StandIn.AuthorizingUserId, task);
        using var anonymous = env.Host.CreateClient();

        var forged = genuine with { Signature = Convert.ToBase64String(new byte[32]) };
        var tampered = genuine with { Body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(genuine.Body).Replace("Mow", "Sow", StringComparison.Ordinal)) };
        var unsigned = genuine.ToRequest(new Uri(env.Host.Address, "/api/webhooks/todoist"));
        unsigned.Headers.Remove("X-Todoist-Hmac-SHA256");

        foreach (var request in new[] { forged.ToRequest(Target(env)), tampered.ToRequest(Target(env)), unsigned })
        {
            var response = await anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var view = await env.AdminViewAsync(client);
        Assert.Null(Assert.Single(view.RecentTips, t => t.TipId == tip.TipId).Reaction);
    }

    [Fact]
    public async Task A_completion_in_todoist_of_a_shown_tip_becomes_a_delayed_reward_once()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        var task = env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Pay the rent");
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        var tip = await TodoistEnvironment.TodoistTipAsync(client);
        var delivery = env.StandIn.CreateWebhook("item:completed", env.StandIn.AuthorizingUserId, task);
        using var anonymous = env.Host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(delivery.ToRequest(Target(env)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(delivery.ToRequest(Target(env)))).StatusCode);

        var view = await env.AdminViewAsync(client);
        var shown = Assert.Single(view.RecentTips, t => t.TipId == tip.TipId);
        Assert.Equal("completed-in-source", shown.Reaction);
        Assert.Equal(0.5, shown.Reward);
        Assert.Equal(1, view.ModelUpdates);
    }

    [Fact]
    public async Task A_signed_body_is_handled_once_whatever_its_delivery_id_says_and_a_new_event_triggers_a_sync()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Order printer ink");
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        await TodoistEnvironment.TodoistTipAsync(client);
        var added = env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Sign the lease");
        var delivery = env.StandIn.CreateWebhook("item:added", env.StandIn.AuthorizingUserId, added);
        using var anonymous = env.Host.CreateClient();
        using var outcomes = new WebhookOutcomes();
        var syncs = await SyncCount(env, client);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(delivery.ToRequest(Target(env)))).StatusCode);
        await Eventually.True(async () => await SyncCount(env, client) > syncs, TodoistEnvironment.Patience, "the webhook's sync");
        var duplicates = outcomes["duplicate"];
        // Todoist's own retry repeats the id; a replay of a captured delivery can put any id on the same signed body.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(delivery.ToRequest(Target(env)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync((delivery with { DeliveryId = $"replayed-{Guid.NewGuid():N}" }).ToRequest(Target(env)))).StatusCode);

        Assert.Equal(duplicates + 2, outcomes["duplicate"]);
    }

    [Fact]
    public async Task A_delivery_for_an_account_nobody_connected_is_acknowledged()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        var delivery = env.StandIn.CreateWebhook("item:completed", "99999", new JsonObject { ["id"] = "1", ["content"] = "x" });
        using var anonymous = env.Host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(delivery.ToRequest(Target(env)))).StatusCode);
    }

    [Fact]
    public async Task A_delivery_over_the_apis_body_limit_but_within_todoists_is_accepted_and_one_over_a_mebibyte_is_not()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        var large = env.StandIn.CreateWebhook("item:updated", "99999", new JsonObject { ["id"] = "1", ["content"] = new string('x', 200 * 1024) });
        var huge = env.StandIn.CreateWebhook("item:updated", "99999", new JsonObject { ["id"] = "1", ["content"] = new string('x', 1100 * 1024) });
        using var anonymous = env.Host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(large.ToRequest(Target(env)))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await anonymous.SendAsync(huge.ToRequest(Target(env)))).StatusCode);
    }

    private static Uri Target(TodoistEnvironment env) => new(env.Host.Address, "/api/webhooks/todoist");

    private static async Task<int> SyncCount(TodoistEnvironment env, HttpClient client) =>
        (await env.AdminViewAsync(client)).Integrations.Single(i => i.Provider == "todoist").SyncCount;
}
