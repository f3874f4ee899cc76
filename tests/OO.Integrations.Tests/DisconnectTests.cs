using System.Net;
using System.Net.Http.Json;
using System.Text;
using OO.Grains.Interfaces.Integrations;
using OO.Integrations.Tests.Infrastructure;
using OO.Testing;

namespace OO.Integrations.Tests;

/// <summary>Disconnecting revokes at Todoist, forgets the tasks and stops polling; connecting again works.</summary>
public sealed class DisconnectTests
{
    [Fact]
    public async Task Disconnecting_revokes_purges_the_tips_and_reconnecting_brings_them_back()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Clean the gutters");
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        await TodoistEnvironment.TodoistTipAsync(client);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/integrations/todoist")).StatusCode);

        // Revoking is an outbox promise completed right after the disconnect answers.
        await Eventually.True(() => Task.FromResult(env.StandIn.RevokeRequests.Count > 0), TodoistEnvironment.Patience, "the revoke request");
        var revoke = Assert.Single(env.StandIn.RevokeRequests);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{env.StandIn.ClientId}:{env.StandIn.ClientSecret}"));
        Assert.Equal($"Basic {basic}", revoke.Authorization);
        Assert.Equal("access_token", revoke.Form["token_type_hint"]);
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/api/tip")).StatusCode);
        var listed = await TodoistEnvironment.TodoistAsync(client);
        Assert.Equal(("disconnected", "/api/integrations/todoist/connect"), (listed!.Status, listed.ConnectUrl));
        Assert.False(await env.IsPolledAsync(client));
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/integrations/todoist")).StatusCode);

        await env.ConnectAsync(client);

        var tip = await TodoistEnvironment.TodoistTipAsync(client);
        Assert.Equal("Clean the gutters", tip.Content);
    }

    [Fact]
    public async Task Deleting_the_account_revokes_todoist_and_forgets_the_account_link()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        var task = env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Archive old photos");
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        await TodoistEnvironment.TodoistTipAsync(client);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me")).StatusCode);

        await Eventually.True(() => Task.FromResult(env.StandIn.RevokeRequests.Count > 0), TodoistEnvironment.Patience, "the revoke request");
        Assert.Single(env.StandIn.RevokeRequests);
        var linked = await env.Host.Grains.GetGrain<ISourceAccountGrain>($"todoist:{env.StandIn.AuthorizingUserId}").GetUserId();
        Assert.Null(linked);
        using var anonymous = env.Host.CreateClient();
        var delivery = env.StandIn.CreateWebhook("item:completed", env.StandIn.AuthorizingUserId, task);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(delivery.ToRequest(new Uri(env.Host.Address, "/api/webhooks/todoist")))).StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_after_an_abandoned_connect_leaves_nothing_of_the_user()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        var client = await env.SignInAsync();
        var userId = (await client.GetFromJsonAsync<OO.Api.Me.MeResponse>("/api/me"))!.UserId;
        var started = await client.GetAsync("/api/integrations/todoist/connect");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.NotEmpty(await DatabaseScanner.FindAsync(env.Settings, userId));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me")).StatusCode);

        Assert.Empty(await DatabaseScanner.FindAsync(env.Settings, userId));
    }
}
