using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OO.Api.Me;
using OO.Grains.Integrations;
using OO.Grains.Interfaces.Users;
using OO.Integrations.Tests.Infrastructure;
using OO.Testing;

namespace OO.Integrations.Tests;

/// <summary>Todoist failing never breaks the tip; the fault shows in the list, and 401 asks for a reconnection.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task An_outage_keeps_serving_tips_from_the_last_snapshot_and_shows_the_error()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Water the tomatoes");
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        var tip = await TodoistEnvironment.TodoistTipAsync(client);
        env.StandIn.FailNext(50, 503, "/api/v1/tasks");

        var failing = await Eventually.Get(
            async () =>
            {
                var response = await client.GetAsync("/api/tip");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return await TodoistEnvironment.TodoistAsync(client) is { LastError: not null } t ? t : null;
            },
            TodoistEnvironment.Patience,
            "the outage to show");

        Assert.Equal("connected", failing.Status);
        Assert.Contains("could not be reached", failing.LastError, StringComparison.Ordinal);
        var again = await TodoistEnvironment.TodoistTipAsync(client);
        Assert.Equal(tip.TipId, again.TipId);
    }

    [Fact]
    public async Task A_slow_todoist_never_makes_the_tip_or_the_list_wait()
    {
        await using var env = await TodoistEnvironment.StartAsync(settings => settings["OO:Todoist:RequestTimeout"] = "00:00:10");
        env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Wash the car");
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        var tip = await TodoistEnvironment.TodoistTipAsync(client);
        env.StandIn.DelayNext(3, TimeSpan.FromSeconds(5), "/api/v1/tasks");

        for (var i = 0; i < 5; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var response = await client.GetAsync("/api/tip");
            clock.Stop();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"GET /api/tip took {clock.Elapsed.TotalMilliseconds:F0} ms while Todoist was slow.");
            clock.Restart();
            Assert.Equal("connected", (await TodoistEnvironment.TodoistAsync(client))!.Status);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"GET /api/integrations took {clock.Elapsed.TotalMilliseconds:F0} ms while a sync was in flight.");
            await Task.Delay(300);
        }

        Assert.Contains(env.StandIn.Requests, r => r.Path == "/api/v1/tasks");
        Assert.Equal(tip.TipId, (await TodoistEnvironment.TodoistTipAsync(client)).TipId);
    }

    [Fact]
    public async Task A_rate_limit_is_honoured_until_retry_after_and_tips_keep_coming()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Book the dentist");
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        await TodoistEnvironment.TodoistTipAsync(client);
        env.StandIn.RateLimitNext(1, "3600", "/api/v1/tasks");

        var limited = await Eventually.Get(
            async () =>
            {
                await client.GetAsync("/api/tip");
                return await TodoistEnvironment.TodoistAsync(client) is { LastError: not null } t ? t : null;
            },
            TodoistEnvironment.Patience,
            "the rate limit to show");
        var listingsWhenLimited = env.StandIn.RequestCount("GET", "/api/v1/tasks");

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tip")).StatusCode);
        }

        Assert.Contains("slow down", limited.LastError, StringComparison.Ordinal);
        // Still limited: a sync after the 429 would have cleared the error.
        Assert.Contains("slow down", (await TodoistEnvironment.TodoistAsync(client))!.LastError, StringComparison.Ordinal);
        Assert.Equal(listingsWhenLimited, env.StandIn.RequestCount("GET", "/api/v1/tasks"));
    }

    [Fact]
    public async Task A_refused_token_marks_todoist_as_needing_reconnection_and_stops_polling()
    {
        await using var env = await TodoistEnvironment.StartAsync(standInSetup: s => s.IssueRefreshTokens = false);
        env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Fix the bike light");
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        var tip = await TodoistEnvironment.TodoistTipAsync(client);
        env.StandIn.FailNext(1, 401, "/api/v1/tasks");

        var refused = await Eventually.Get(
            async () =>
            {
                await client.GetAsync("/api/tip");
                return await TodoistEnvironment.TodoistAsync(client) is { Status: "needs-reconnection" } t ? t : null;
            },
            TodoistEnvironment.Patience,
            "Todoist to need a reconnection");

        Assert.Equal("/api/integrations/todoist/connect", refused.ConnectUrl);
        Assert.False(string.IsNullOrWhiteSpace(refused.LastError));
        Assert.Equal(tip.TipId, (await TodoistEnvironment.TodoistTipAsync(client)).TipId);
        Assert.False(await env.IsPolledAsync(client));

        await env.ConnectAsync(client);
        await Eventually.True(
            async () => await TodoistEnvironment.TodoistAsync(client) is { Status: "connected", LastError: null },
            TodoistEnvironment.Patience,
            "the reconnection");
    }

    [Fact]
    public async Task An_expiring_token_is_refreshed_and_the_rotated_one_is_handed_back_to_the_user()
    {
        await using var env = await TodoistEnvironment.StartAsync(standInSetup: s => s.AccessTokenLifetime = TimeSpan.FromSeconds(30));
        env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Prune the roses");
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        var protector = env.Host.Services.GetRequiredService<IntegrationTokenProtector>();

        // A 30 s token is inside the 1 minute refresh margin: every sync refreshes it, each time with the rotated refresh token.
        await Eventually.True(
            async () =>
            {
                await client.GetAsync("/api/tip");
                return env.StandIn.TokenRequests.Count(f => f.GetValueOrDefault("grant_type") == "refresh_token") >= 2;
            },
            TodoistEnvironment.Patience,
            "two refreshes");
        await Eventually.True(
            async () =>
            {
                var stored = await env.Host.Grains.GetGrain<IUserGrain>(me!.UserId).GetIntegrationTokens("todoist");
                var lastBearer = env.StandIn.Requests.Last(r => r.Path == "/api/v1/tasks").Authorization;
                return stored is not null && protector.Unprotect(stored) is { } tokens && lastBearer == $"Bearer {tokens.AccessToken}";
            },
            TodoistEnvironment.Patience,
            "the user grain to keep the rotated tokens");
        Assert.Equal("connected", (await TodoistEnvironment.TodoistAsync(client))!.Status);
    }
}
