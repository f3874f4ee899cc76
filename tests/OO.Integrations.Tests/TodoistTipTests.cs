using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OO.Integrations.Tests.Infrastructure;
using OO.Testing;

namespace OO.Integrations.Tests;

/// <summary>The person's Todoist tasks become tips, and "done" closes the task in Todoist once.</summary>
public sealed class TodoistTipTests
{
    [Fact]
    public async Task Todoist_tasks_on_every_page_become_tips()
    {
        await using var env = await TodoistEnvironment.StartAsync(settings => settings["OO:Todoist:PageSize"] = "2");
        var todoistUser = env.StandIn.AuthorizingUserId;
        env.StandIn.AddTask(todoistUser, "Renew the passport", t =>
        {
            t["priority"] = 4;
            t["due"] = new JsonObject { ["date"] = "2026-01-05", ["datetime"] = "2026-01-05T09:30:00", ["string"] = "jan 5 9:30", ["is_recurring"] = false, ["lang"] = "en" };
        });
        env.StandIn.AddTask(todoistUser, "Call the plumber", t =>
            t["due"] = new JsonObject { ["date"] = "2026-01-06", ["string"] = "jan 6", ["is_recurring"] = false, ["lang"] = "en" });
        env.StandIn.AddTask(todoistUser, "Plan the weekend trip");
        var client = await env.SignInAsync();

        await env.ConnectAsync(client);

        var seen = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            var tip = await TodoistEnvironment.TodoistTipAsync(client, t => !seen.Contains(t.Content));
            seen.Add(tip.Content);
            (await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "snooze", dwellMs = 3000 })).EnsureSuccessStatusCode();
        }

        Assert.Equal(["Call the plumber", "Plan the weekend trip", "Renew the passport"], seen.Order(StringComparer.Ordinal));
        Assert.Contains(env.StandIn.Requests, r => r.Path == "/api/v1/tasks" && r.QueryString.Contains("cursor=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Done_closes_the_task_in_todoist_exactly_once_even_when_the_feedback_is_sent_again()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        var task = env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Send the invoice");
        var taskId = task["id"]!.GetValue<string>();
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        var tip = await TodoistEnvironment.TodoistTipAsync(client);

        var first = await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 30_000 });
        var retried = await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 30_000 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // The same reaction sent again is answered as the first (reactions are idempotent), and closes nothing more.
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await Eventually.True(() => Task.FromResult(env.StandIn.CloseCount(taskId) == 1), TodoistEnvironment.Patience, "the close at Todoist");
        // Later syncs and ticks must not close it again.
        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync("/api/tip");
            await Task.Delay(200);
        }

        Assert.Equal(1, env.StandIn.CloseCount(taskId));
        Assert.Equal(1, env.StandIn.RequestCount("POST", $"/api/v1/tasks/{taskId}/close"));
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/api/tip")).StatusCode);
    }

    [Fact]
    public async Task A_close_that_fails_is_retried_in_the_background_and_shown_until_it_succeeds()
    {
        await using var env = await TodoistEnvironment.StartAsync();
        var task = env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Return the library books");
        var taskId = task["id"]!.GetValue<string>();
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        var tip = await TodoistEnvironment.TodoistTipAsync(client);
        env.StandIn.FailNext(3, 503, $"/api/v1/tasks/{taskId}/close");

        var feedback = await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 30_000 });

        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        var failing = await Eventually.Get(
            async () => await TodoistEnvironment.TodoistAsync(client) is { LastError: not null } t ? t : null,
            TodoistEnvironment.Patience,
            "the failed close to show");
        Assert.Contains("not closed in Todoist yet", failing.LastError, StringComparison.Ordinal);
        Assert.Equal("connected", failing.Status);

        await Eventually.True(() => Task.FromResult(env.StandIn.CloseCount(taskId) == 1), TodoistEnvironment.Patience, "the retried close");
        await Eventually.True(
            async () => await TodoistEnvironment.TodoistAsync(client) is { LastError: null },
            TodoistEnvironment.Patience,
            "the error to clear");
        Assert.Equal(1, env.StandIn.CloseCount(taskId));
    }
}
