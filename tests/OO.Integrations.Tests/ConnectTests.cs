using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using OO.Integrations.Tests.Infrastructure;
using OO.Testing;

namespace OO.Integrations.Tests;

/// <summary>Connecting Todoist through its OAuth pages, with a state bound to the session and usable once.</summary>
public sealed class ConnectTests
{
    [Fact]
    public async Task Connecting_goes_through_todoists_authorize_page_and_ends_connected()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Buy oat milk");
        var client = await env.SignInAsync();

        var before = await TodoistEnvironment.TodoistAsync(client);
        Assert.NotNull(before);
        Assert.Equal(("Todoist", "disconnected", "/api/integrations/todoist/connect"), (before.DisplayName, before.Status, before.ConnectUrl));

        var connect = await client.GetAsync(before.ConnectUrl);
        var authorize = connect.Headers.Location!;
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal(env.StandIn.ClientId, query["client_id"]);
        Assert.Equal("data:read_write", query["scope"]);
        Assert.True(query["state"]!.Length >= 32);

        await env.ConnectAsync(client);

        var after = await Eventually.Get(
            async () => await TodoistEnvironment.TodoistAsync(client) is { Status: "connected", LastSyncAt: not null } t ? t : null,
            TodoistEnvironment.Patience,
            "Todoist to be connected and synced");
        Assert.Null(after.ConnectUrl);
        Assert.Null(after.LastError);
    }

    [Fact]
    public async Task A_wrong_missing_or_reused_state_is_refused_and_connects_nothing()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        var client = await env.SignInAsync();
        var callback = await env.AuthorizeAsync(client);
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        var code = query["code"]!;

        await AssertBadRequest(await client.GetAsync($"/api/integrations/todoist/callback?code={Uri.EscapeDataString(code)}&state=forged"));
        await AssertBadRequest(await client.GetAsync($"/api/integrations/todoist/callback?code={Uri.EscapeDataString(code)}"));
        Assert.Equal("disconnected", (await TodoistEnvironment.TodoistAsync(client))!.Status);
        Assert.Empty(env.StandIn.TokenRequests);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(callback)).StatusCode);
        await AssertBadRequest(await client.GetAsync(callback));
        Assert.Single(env.StandIn.TokenRequests);
    }

    [Fact]
    public async Task A_state_started_in_another_session_is_refused()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        var alice = await env.SignInAsync();
        var mallory = await env.SignInAsync();
        var alicesCallback = await env.AuthorizeAsync(alice);

        await AssertBadRequest(await mallory.GetAsync(alicesCallback));

        Assert.Equal("disconnected", (await TodoistEnvironment.TodoistAsync(mallory))!.Status);
        Assert.Empty(env.StandIn.TokenRequests);
    }

    [Fact]
    public async Task Without_a_client_id_todoist_is_not_offered()
    {
        await using var env = await TodoistEnvironment.StartAsync(settings => settings["OO:Todoist:ClientId"] = null);
        var client = await env.SignInAsync();

        Assert.Null(await TodoistEnvironment.TodoistAsync(client));
        var connect = await client.GetAsync("/api/integrations/todoist/connect");
        Assert.Equal(HttpStatusCode.NotFound, connect.StatusCode);
        Assert.Equal("application/problem+json", connect.Content.Headers.ContentType?.MediaType);
    }

    private static async Task AssertBadRequest(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.False(string.IsNullOrWhiteSpace(problem!.Detail));
    }
}
