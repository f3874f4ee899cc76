using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OO.Api.Me;
using OO.Grains.Analytics;
using OO.Testing;
using OO.Tests.Api;
using OO.Tests.Infrastructure;

namespace OO.Tests.Analytics;

/// <summary>In the real host, a row the database refuses holds up neither the rows behind it nor an admin write or an account deletion.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RefusedRowEndToEndTests(PostgresServer postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task After_a_refused_row_reactions_admin_writes_and_deleting_the_account_still_go_through(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        settings["OO:Auth:AdminEmails"] = "root@example.com";
        settings["OO:Auth:FirstUserIsAdmin"] = "false";
        await using var host = await OOTestHost.StartAsync(settings);
        var client = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var userId = (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;

        // A row no column accepts (the policy is NOT NULL), queued like any other.
        host.Services.GetRequiredService<IAnalyticsSink>().Served(
            new ServedTipRecord($"poison-{Guid.NewGuid():N}", userId, DateTimeOffset.UtcNow, null!, "demo", "demo-1", 0.5, 0, "{}"));
        var tip = await TipRoundTripTests.NextTipAsync(client);
        (await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 20_000 })).EnsureSuccessStatusCode();

        var admin = await host.SignInAsync("root@example.com");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/admin/users/{userId}/reset-bandit", new { })).StatusCode);

        Assert.Equal(1, await AnalyticsRows.CountAsync(settings, "oo_dead_letters", $"user_id = '{userId}' AND kind = 'served'"));
        Assert.Equal(1, await AnalyticsRows.CountAsync(settings, "oo_rewards", $"tip_id = '{tip.TipId}'"));
        Assert.Equal(1, await AnalyticsRows.CountAsync(settings, "oo_audit", $"target = '{userId}'"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me")).StatusCode);
        await Eventually.True(
            async () => await AnalyticsRows.CountAsync(settings, "oo_dead_letters", $"user_id = '{userId}'") == 0
                && await AnalyticsRows.CountAsync(settings, "oo_served_tips", $"user_id = '{userId}'") == 0,
            Patience,
            "the account's rows and dead letters to be erased");
    }
}
