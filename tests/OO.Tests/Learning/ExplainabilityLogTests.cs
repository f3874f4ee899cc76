using System.Net.Http.Json;
using System.Text.Json;
using OO.Api.Me;
using OO.Grains.Interfaces.Admin;
using OO.Grains.Interfaces.Users;
using OO.Testing;
using OO.Tests.Api;
using OO.Tests.Infrastructure;

namespace OO.Tests.Learning;

/// <summary>Every served tip and every reward reaches the analytics tables, with what the decision saw.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExplainabilityLogTests(PostgresServer postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_served_tip_and_its_reward_are_logged_with_features_scores_and_shadow_picks(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        await using var host = await OOTestHost.StartAsync(settings);
        var client = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var userId = (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        var tip = await TipRoundTripTests.NextTipAsync(client);
        (await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 40_000 })).EnsureSuccessStatusCode();

        await Eventually.True(
            async () => await AnalyticsRows.CountAsync(settings, "oo_rewards", $"tip_id = '{tip.TipId}' AND reaction = 'done' AND reward = 1") == 1,
            Patience,
            "the reward row");
        var decision = (await AnalyticsRows.ReadAsync(settings, $"SELECT decision_json FROM oo_served_tips WHERE tip_id = '{tip.TipId}' AND user_id = '{userId}'")).Single();

        using var json = JsonDocument.Parse(decision);
        var root = json.RootElement;
        Assert.Equal("linucb", root.GetProperty("policy").GetString());
        var candidates = root.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(8, candidates.Count);
        Assert.All(candidates, c => Assert.Equal(root.GetProperty("featureNames").GetArrayLength(), c.GetProperty("features").GetArrayLength()));
        var chosen = candidates[root.GetProperty("chosenIndex").GetInt32()];
        Assert.StartsWith("demo:", chosen.GetProperty("key").GetString());
        Assert.Equal(["random", "epsilon-greedy", "thompson"], root.GetProperty("shadow").EnumerateArray().Select(s => s.GetProperty("policy").GetString()!));
        Assert.InRange(root.GetProperty("propensity").GetDouble(), 0.0001, 1.0);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Explainability_rows_older_than_the_retention_are_deleted(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        settings["OO:Analytics:Retention"] = "00:00:02";
        settings["OO:Analytics:RetentionSweepEvery"] = "00:00:01";
        await using var host = await OOTestHost.StartAsync(settings);
        var client = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var tip = await TipRoundTripTests.NextTipAsync(client);
        await Eventually.True(
            async () => await AnalyticsRows.CountAsync(settings, "oo_served_tips", $"tip_id = '{tip.TipId}'") == 1, Patience, "the served row");

        // Anything that reaches the writer after the retention runs out triggers a sweep.
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "snooze", dwellMs = 1000 })).EnsureSuccessStatusCode();

        await Eventually.True(
            async () => await AnalyticsRows.CountAsync(settings, "oo_served_tips", $"tip_id = '{tip.TipId}'") == 0, Patience, "retention to delete the row");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_task_completed_in_its_source_after_being_shown_earns_the_delayed_reward_once(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        await using var host = await OOTestHost.StartAsync(settings);
        var client = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var userId = (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        var tip = await TipRoundTripTests.NextTipAsync(client);
        var user = host.Grains.GetGrain<IUserGrain>(userId);
        var current = (await user.GetTip())!;
        Assert.Equal(tip.TipId, current.TipId);

        Assert.False(await user.CompletedInSource("demo", "no-such-task"));
        Assert.True(await user.CompletedInSource(current.Source, current.SourceRef));
        Assert.False(await user.CompletedInSource(current.Source, current.SourceRef));

        var view = (await user.GetAdminView())!;
        Assert.Equal(("completed-in-source", 0.5), (view.RecentTips[0].Reaction, view.RecentTips[0].Reward));
        Assert.Equal(1, view.ModelUpdates);
        var late = await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 1000 });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, late.StatusCode);
        await Eventually.True(
            async () => await AnalyticsRows.CountAsync(settings, "oo_rewards", $"tip_id = '{tip.TipId}' AND reaction = 'completed-in-source' AND reward = 0.5") == 1,
            Patience,
            "the delayed reward's row");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Every_reaction_and_an_admin_write_are_logged_and_deleting_the_account_erases_them(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        settings["OO:Auth:AdminEmails"] = "root@example.com";
        settings["OO:Auth:FirstUserIsAdmin"] = "false";
        await using var host = await OOTestHost.StartAsync(settings);
        var client = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var userId = (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        foreach (var reaction in new[] { "done", "snooze", "dismiss" })
        {
            var tip = await TipRoundTripTests.NextTipAsync(client);
            (await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction, dwellMs = 3_000 })).EnsureSuccessStatusCode();
        }

        var admin = await host.SignInAsync("root@example.com");
        (await admin.PostAsJsonAsync($"/api/admin/users/{userId}/reset-bandit", new { })).EnsureSuccessStatusCode();

        // The audit row is confirmed before the admin's write is, and after the rows queued before it.
        Assert.Equal(1, await AnalyticsRows.CountAsync(settings, "oo_audit", $"target = '{userId}' AND action = 'bandit.reset'"));
        Assert.Equal(
            ["dismiss", "done", "snooze"],
            await AnalyticsRows.ReadAsync(settings, $"SELECT reaction FROM oo_rewards WHERE user_id = '{userId}' ORDER BY reaction"));
        Assert.Equal(3, await AnalyticsRows.CountAsync(settings, "oo_served_tips", $"user_id = '{userId}'"));

        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me")).StatusCode);

        await Eventually.True(
            async () => await AnalyticsRows.CountAsync(settings, "oo_served_tips", $"user_id = '{userId}'") == 0
                && await AnalyticsRows.CountAsync(settings, "oo_rewards", $"user_id = '{userId}'") == 0
                && await AnalyticsRows.CountAsync(settings, "oo_audit", $"target = '{userId}'") == 0,
            Patience,
            "the account's rows to be erased");
    }
}
