using System.Text.Json.Nodes;
using OO.Todoist.Tests.Support;

namespace OO.Todoist.Tests;

public sealed class CloseTaskTests
{
    [Fact]
    public async Task Closing_a_task_answers_204_once_and_the_task_leaves_the_list()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");
        var task = host.StandIn.AddTask("7", "Call the dentist");
        host.StandIn.AddTask("7", "Stay open");
        var id = (string)task["id"]!;

        await host.Api.CloseTaskAsync(tokens.AccessToken, id);

        Assert.Equal(1, host.StandIn.CloseCount(id));
        var left = Assert.Single(await host.Api.GetActiveTasksAsync(tokens.AccessToken));
        Assert.Equal("Stay open", left.Content);
    }

    [Fact]
    public async Task Closing_is_not_retried_after_a_server_error()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");
        var id = (string)host.StandIn.AddTask("7", "Weekly review", t =>
            t["due"] = new JsonObject { ["date"] = "2025-03-10", ["string"] = "every monday", ["is_recurring"] = true })["id"]!;
        host.StandIn.FailNext(1, 503, $"/api/v1/tasks/{id}/close");

        await Assert.ThrowsAsync<TodoistUnavailableException>(() => host.Api.CloseTaskAsync(tokens.AccessToken, id));

        Assert.Equal(1, host.StandIn.RequestCount("POST", $"/api/v1/tasks/{id}/close"));
        Assert.Equal(0, host.StandIn.CloseCount(id));
    }

    [Fact]
    public async Task Closing_a_task_that_is_gone_raises_a_request_fault()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");

        var fault = await Assert.ThrowsAsync<TodoistRequestException>(() => host.Api.CloseTaskAsync(tokens.AccessToken, "999999"));

        Assert.Equal(404, fault.StatusCode);
    }
}
