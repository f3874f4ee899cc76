using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using OO.Todoist.Tests.Support;

namespace OO.Todoist.Tests;

public sealed class TaskListingTests
{
    [Fact]
    public async Task Paging_over_three_pages_returns_every_task_exactly_once()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");
        var seeded = host.StandIn.AddTasks("7", 450);

        var tasks = await host.Api.GetActiveTasksAsync(tokens.AccessToken);

        Assert.Equal(seeded.Select(t => (string)t["id"]!), tasks.Select(t => t.Id));
        var pages = host.StandIn.Requests.Where(r => r.Path == "/api/v1/tasks").ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal("200", QueryHelpers.ParseQuery(p.QueryString)["limit"]));
        Assert.False(QueryHelpers.ParseQuery(pages[0].QueryString).ContainsKey("cursor"));
        Assert.True(QueryHelpers.ParseQuery(pages[2].QueryString).ContainsKey("cursor"));
        Assert.All(pages, p => Assert.Equal($"Bearer {tokens.AccessToken}", p.Authorization));
    }

    [Fact]
    public async Task An_empty_list_is_one_request_and_no_tasks()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");

        Assert.Empty(await host.Api.GetActiveTasksAsync(tokens.AccessToken));
        Assert.Equal(1, host.StandIn.RequestCount("GET", "/api/v1/tasks"));
    }

    [Fact]
    public async Task Fields_map_from_the_v1_names_including_due_date_and_due_datetime()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");
        host.StandIn.AddTask("7", "Whole day", t =>
        {
            t["priority"] = 4;
            t["description"] = "Bring the receipts";
            t["labels"] = new JsonArray("home", "errands");
            t["project_id"] = "p-42";
            t["added_at"] = "2025-03-04T05:06:07.123456Z";
            t["due"] = new JsonObject { ["date"] = "2025-03-10", ["string"] = "mar 10", ["lang"] = "en", ["is_recurring"] = false, ["timezone"] = null };
        });
        host.StandIn.AddTask("7", "Fixed moment", t =>
        {
            t["priority"] = 2;
            t["due"] = new JsonObject
            {
                ["date"] = "2025-03-10",
                ["datetime"] = "2025-03-10T14:30:00.000000Z",
                ["timezone"] = "Europe/Berlin",
                ["string"] = "every monday at 15:30",
                ["lang"] = "en",
                ["is_recurring"] = true,
            };
        });
        host.StandIn.AddTask("7", "Floating", t =>
            t["due"] = new JsonObject { ["date"] = "2025-03-11", ["datetime"] = "2025-03-11T09:00:00", ["string"] = "tomorrow at 9", ["is_recurring"] = false });

        var tasks = (await host.Api.GetActiveTasksAsync(tokens.AccessToken)).ToDictionary(t => t.Content);

        var whole = tasks["Whole day"];
        Assert.Equal(4, whole.Priority);
        Assert.Equal("Bring the receipts", whole.Description);
        Assert.Equal(["home", "errands"], whole.Labels);
        Assert.Equal("p-42", whole.ProjectId);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234560), whole.AddedAt);
        Assert.Equal(new DateOnly(2025, 3, 10), whole.Due!.Date);
        Assert.False(whole.Due.HasTime);
        Assert.Null(whole.Due.ToInstant(TimeZoneInfo.Utc));

        var fixedMoment = tasks["Fixed moment"];
        Assert.Equal(2, fixedMoment.Priority);
        Assert.Equal(new DateTime(2025, 3, 10, 14, 30, 0, DateTimeKind.Utc), fixedMoment.Due!.DateTime);
        Assert.Equal(DateTimeKind.Utc, fixedMoment.Due.DateTime!.Value.Kind);
        Assert.Equal("Europe/Berlin", fixedMoment.Due.TimeZone);
        Assert.True(fixedMoment.Due.IsRecurring);
        Assert.False(fixedMoment.Due.IsFloating);
        Assert.Equal("every monday at 15:30", fixedMoment.Due.Text);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 14, 30, 0, TimeSpan.Zero), fixedMoment.Due.ToInstant(TimeZoneInfo.Utc));

        var floating = tasks["Floating"];
        Assert.True(floating.Due!.IsFloating);
        Assert.Equal(new DateTime(2025, 3, 11, 9, 0, 0), floating.Due.DateTime);
        var tokyo = TimeZoneInfo.CreateCustomTimeZone("Test/Plus9", TimeSpan.FromHours(9), "Plus9", "Plus9");
        Assert.Equal(new DateTimeOffset(2025, 3, 11, 0, 0, 0, TimeSpan.Zero), floating.Due.ToInstant(tokyo)!.Value.ToUniversalTime());
        Assert.Equal(1, floating.Priority);
        Assert.Empty(floating.Labels);
    }

    [Fact]
    public async Task Checked_and_deleted_tasks_are_left_out()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");
        host.StandIn.AddTask("7", "Open");
        host.StandIn.AddTask("7", "Done already", t => t["checked"] = true);
        host.StandIn.AddTask("7", "Deleted", t => t["is_deleted"] = true);

        var task = Assert.Single(await host.Api.GetActiveTasksAsync(tokens.AccessToken));

        Assert.Equal("Open", task.Content);
    }

    [Fact]
    public async Task The_user_call_gives_the_todoist_id_and_time_zone()
    {
        await using var host = await TodoistTestHost.StartAsync();
        host.StandIn.AddUser("2671355", "Europe/Vienna");
        var tokens = host.StandIn.IssueTokens("2671355");

        var user = await host.Api.GetUserAsync(tokens.AccessToken);

        Assert.Equal("2671355", user.Id);
        Assert.Equal("Europe/Vienna", user.TimeZone);
    }

    [Fact]
    public async Task Tasks_of_another_user_are_not_served_to_this_token()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var mine = host.Connect("7");
        host.Connect("8");
        host.StandIn.AddTask("8", "Someone else's");

        Assert.Empty(await host.Api.GetActiveTasksAsync(mine.AccessToken));
    }
}
