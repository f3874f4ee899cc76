using System.Net.Http.Json;
using OO.Api.Me;
using OO.Integrations.Tests.Infrastructure;
using OO.Testing;

namespace OO.Integrations.Tests;

/// <summary>A source failing is published to the event log with the fault as its reason, never the provider's text.</summary>
public sealed class IntegrationEventTests
{
    [Fact]
    public async Task A_refused_token_publishes_integration_failed_with_the_reason()
    {
        await using var env = await TodoistEnvironment.StartAsync(standInSetup: s => s.IssueRefreshTokens = false);
        env.StandIn.AddTask(env.StandIn.AuthorizingUserId, "Oil the hinges");
        var client = await env.SignInAsync();
        var userId = (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        await env.ConnectAsync(client);
        await TodoistEnvironment.TodoistTipAsync(client);
        env.StandIn.FailNext(1, 401, "/api/v1/tasks");

        var failed = await Eventually.Get(
            async () =>
            {
                await client.GetAsync("/api/tip");
                return (await AnalyticsRows.ReadAsync(env.Settings,
                    $"SELECT payload_json FROM oo_events WHERE user_id = '{userId}' AND subject = 'integration.failed'")).FirstOrDefault();
            },
            TodoistEnvironment.Patience,
            "the integration.failed event");

        Assert.Contains("\"provider\":\"todoist\"", failed, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"Unauthorized\"", failed, StringComparison.Ordinal);
        Assert.Equal(1, await AnalyticsRows.CountAsync(env.Settings, "oo_events", $"user_id = '{userId}' AND subject = 'integration.connected' AND payload_json LIKE '%todoist%'"));
    }
}
