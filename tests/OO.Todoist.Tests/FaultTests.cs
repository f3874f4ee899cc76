using System.Globalization;
using OO.Todoist.Tests.Support;

namespace OO.Todoist.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Rate_limit_surfaces_retry_after_in_seconds_without_retrying()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");
        host.StandIn.RateLimitNext(1, "45");

        var fault = await Assert.ThrowsAsync<TodoistRateLimitedException>(() => host.Api.GetActiveTasksAsync(tokens.AccessToken));

        Assert.Equal(TimeSpan.FromSeconds(45), fault.RetryAfter);
        Assert.Equal(429, fault.StatusCode);
        Assert.Equal(1, host.StandIn.RequestCount("GET", "/api/v1/tasks"));
    }

    [Fact]
    public async Task Rate_limit_reads_retry_after_given_as_an_http_date()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");
        var until = DateTimeOffset.UtcNow.AddMinutes(2);
        host.StandIn.RateLimitNext(1, until.ToString("r", CultureInfo.InvariantCulture));

        var fault = await Assert.ThrowsAsync<TodoistRateLimitedException>(() => host.Api.GetUserAsync(tokens.AccessToken));

        Assert.InRange(fault.RetryAfter!.Value, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(121));
    }

    [Fact]
    public async Task A_5xx_burst_shorter_than_the_retry_budget_succeeds()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");
        host.StandIn.AddTasks("7", 3);
        host.StandIn.FailNext(3, 503);

        var tasks = await host.Api.GetActiveTasksAsync(tokens.AccessToken);

        Assert.Equal(3, tasks.Count);
        Assert.Equal(4, host.StandIn.RequestCount("GET", "/api/v1/tasks"));
    }

    [Fact]
    public async Task A_5xx_burst_longer_than_the_retry_budget_raises_unavailable_after_bounded_attempts()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");
        host.StandIn.FailNext(10, 500);

        var fault = await Assert.ThrowsAsync<TodoistUnavailableException>(() => host.Api.GetActiveTasksAsync(tokens.AccessToken));

        Assert.Equal(500, fault.StatusCode);
        Assert.Equal(1 + host.Options.RetryAttempts, host.StandIn.RequestCount("GET", "/api/v1/tasks"));
    }

    [Fact]
    public async Task Retries_can_be_turned_off()
    {
        await using var host = await TodoistTestHost.StartAsync(new() { ["OO:Todoist:RetryAttempts"] = "0" });
        var tokens = host.Connect("7");
        host.StandIn.FailNext(1, 503);

        await Assert.ThrowsAsync<TodoistUnavailableException>(() => host.Api.GetActiveTasksAsync(tokens.AccessToken));

        Assert.Equal(1, host.StandIn.RequestCount("GET", "/api/v1/tasks"));
    }

    [Fact]
    public async Task A_slow_answer_times_out_is_retried_and_then_raises_unavailable()
    {
        await using var host = await TodoistTestHost.StartAsync(new()
        {
            ["OO:Todoist:RequestTimeout"] = "00:00:01",
            ["OO:Todoist:RetryAttempts"] = "1",
        });
        var tokens = host.Connect("7");
        host.StandIn.DelayNext(5, TimeSpan.FromSeconds(5));

        var fault = await Assert.ThrowsAsync<TodoistUnavailableException>(() => host.Api.GetUserAsync(tokens.AccessToken));

        Assert.Null(fault.StatusCode);
        Assert.Equal(2, host.StandIn.RequestCount("GET", "/api/v1/user"));
    }

    [Fact]
    public async Task One_slow_answer_within_the_budget_is_absorbed_by_a_retry()
    {
        await using var host = await TodoistTestHost.StartAsync(new() { ["OO:Todoist:RequestTimeout"] = "00:00:01" });
        var tokens = host.Connect("7");
        host.StandIn.DelayNext(1, TimeSpan.FromSeconds(5));

        var user = await host.Api.GetUserAsync(tokens.AccessToken);

        Assert.Equal("7", user.Id);
        Assert.Equal(2, host.StandIn.RequestCount("GET", "/api/v1/user"));
    }

    [Fact]
    public async Task An_unknown_token_raises_unauthorized_without_retrying()
    {
        await using var host = await TodoistTestHost.StartAsync();

        var fault = await Assert.ThrowsAsync<TodoistUnauthorizedException>(() => host.Api.GetActiveTasksAsync("not-a-token"));

        Assert.Equal(401, fault.StatusCode);
        Assert.Equal(1, host.StandIn.RequestCount("GET", "/api/v1/tasks"));
    }

    [Fact]
    public async Task Forbidden_also_raises_unauthorized()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");
        host.StandIn.FailNext(1, 403);

        var fault = await Assert.ThrowsAsync<TodoistUnauthorizedException>(() => host.Api.GetActiveTasksAsync(tokens.AccessToken));

        Assert.Equal(403, fault.StatusCode);
    }

    [Fact]
    public async Task An_expired_access_token_raises_unauthorized_and_a_refresh_recovers()
    {
        await using var host = await TodoistTestHost.StartAsync();
        host.StandIn.AccessTokenLifetime = TimeSpan.FromSeconds(1);
        var tokens = await host.OAuth.ExchangeCodeAsync(host.StandIn.IssueCode("7"));
        await Task.Delay(TimeSpan.FromMilliseconds(1100));

        Assert.True(tokens.ExpiresWithin(TimeSpan.Zero, DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<TodoistUnauthorizedException>(() => host.Api.GetActiveTasksAsync(tokens.AccessToken));
        host.StandIn.AccessTokenLifetime = TimeSpan.FromHours(1);
        var fresh = await host.OAuth.RefreshAsync(tokens.RefreshToken!);
        Assert.Empty(await host.Api.GetActiveTasksAsync(fresh.AccessToken));
    }

    [Fact]
    public async Task An_unreachable_server_raises_unavailable()
    {
        await using var host = await TodoistTestHost.StartAsync(new()
        {
            // Port 1 on loopback: nothing listens there, so the connection is refused at once.
            ["OO:Todoist:ApiBaseUrl"] = "http://127.0.0.1:1/api/v1",
            ["OO:Todoist:RetryAttempts"] = "1",
        });

        var fault = await Assert.ThrowsAsync<TodoistUnavailableException>(() => host.Api.GetActiveTasksAsync("token"));

        Assert.IsType<HttpRequestException>(fault.InnerException);
    }

    [Fact]
    public async Task A_caller_cancellation_stays_a_cancellation()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");
        host.StandIn.DelayNext(1, TimeSpan.FromSeconds(5));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Api.GetActiveTasksAsync(tokens.AccessToken, cancel.Token));
    }
}
