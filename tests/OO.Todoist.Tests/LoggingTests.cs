using System.Text.Json.Nodes;
using OO.Todoist.Tests.Support;

namespace OO.Todoist.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task No_token_secret_or_code_reaches_a_log_line_or_a_fault_message()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var faultMessages = new List<string>();
        host.StandIn.AccessTokenLifetime = TimeSpan.FromHours(1);
        var code = host.StandIn.IssueCode("7");
        var redirect = new Uri("https://oo.example/callback");
        _ = host.OAuth.BuildAuthorizeUrl("state-1", redirect);

        // A full life: connect, poll, close, fail in each way, refresh, revoke.
        var tokens = await host.OAuth.ExchangeCodeAsync(code);
        var taskId = (string)host.StandIn.AddTask("7", "Something", t => t["due"] = new JsonObject { ["date"] = "2025-01-01", ["string"] = "jan 1" })["id"]!;
        await host.Api.GetActiveTasksAsync(tokens.AccessToken);
        await host.Api.GetUserAsync(tokens.AccessToken);
        await host.Api.CloseTaskAsync(tokens.AccessToken, taskId);
        host.StandIn.FailNext(2, 503);
        await host.Api.GetActiveTasksAsync(tokens.AccessToken);
        host.StandIn.RateLimitNext(1);
        faultMessages.Add((await Assert.ThrowsAsync<TodoistRateLimitedException>(() => host.Api.GetActiveTasksAsync(tokens.AccessToken))).ToString());
        faultMessages.Add((await Assert.ThrowsAsync<TodoistUnauthorizedException>(() => host.OAuth.ExchangeCodeAsync(code))).ToString());
        var fresh = await host.OAuth.RefreshAsync(tokens.RefreshToken!);
        faultMessages.Add((await Assert.ThrowsAsync<TodoistUnauthorizedException>(() => host.OAuth.RefreshAsync(tokens.RefreshToken!))).ToString());
        faultMessages.Add((await Assert.ThrowsAsync<TodoistUnauthorizedException>(() => host.Api.GetActiveTasksAsync(tokens.AccessToken))).ToString());
        host.StandIn.FailNext(10, 500, "/api/v1/tasks");
        faultMessages.Add((await Assert.ThrowsAsync<TodoistUnavailableException>(() => host.Api.GetActiveTasksAsync(fresh.AccessToken))).ToString());
        await host.OAuth.RevokeAsync(fresh.AccessToken);

        var secrets = host.StandIn.IssuedSecrets.Append(host.StandIn.ClientSecret).ToList();
        Assert.Contains(code, secrets);
        Assert.Contains(fresh.RefreshToken, secrets);
        Assert.NotEmpty(host.Logs.Lines);
        foreach (var text in host.Logs.Lines.Concat(faultMessages))
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}
