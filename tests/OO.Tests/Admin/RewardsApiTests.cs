using System.Net.Http.Json;
using OO.Admin.Data.Recommendations;
using OO.Admin.Data.Rewards;
using OO.Testing;
using OO.Tests.Infrastructure;

namespace OO.Tests.Admin;

/// <summary>The rewards slices and the explainability log read the same seeded rows alike on both engines.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RewardsApiTests(PostgresServer postgres)
{
    private readonly StorageEngine _storage = new(postgres);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rewards_are_sliced_by_policy_hour_weekday_and_signup_week(string engine)
    {
        var settings = await _storage.FreshAsync(engine);
        settings["OO:Auth:FirstUserIsAdmin"] = "true";
        await using var host = await OOTestHost.StartAsync(settings);
        var admin = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var world = new AdminWorld(settings);
        // Wednesday 2026-03-04 signs up in the week of Monday 2026-03-02; Tuesday 2026-03-10 in the week of 03-09.
        await world.UserAsync("u1", "one@example.com", "2026-03-04T09:00:00Z");
        await world.UserAsync("u2", "two@example.com", "2026-03-10T09:00:00Z");
        await world.TipAsync("t1", "u1", "2026-03-08T07:15:00Z", "done", "2026-03-08T07:20:00Z", reward: 1.0);
        await world.TipAsync("t2", "u1", "2026-03-08T07:45:00Z", "dismiss", "2026-03-08T07:46:00Z", reward: 0.0);
        await world.TipAsync("t3", "u2", "2026-03-10T18:00:00Z");

        var report = (await admin.GetFromJsonAsync<RewardsReport>($"/api/admin/rewards?from={AdminWorld.DayText("2026-03-01")}&to={AdminWorld.DayText("2026-03-10")}"))!;
        var log = (await admin.GetFromJsonAsync<List<ServedDecision>>("/api/admin/recommendations?user=u1"))!;

        Assert.Equal([new RewardSlice("linucb", 3, 2, 1, 1.0 / 3, 0.5)], report.Slices["policy"]);
        Assert.Equal([new RewardSlice("7", 2, 2, 1, 0.5, 0.5), new RewardSlice("18", 1, 0, 0, 0, null)], report.Slices["hour"]);
        Assert.Equal([new RewardSlice("0", 2, 2, 1, 0.5, 0.5), new RewardSlice("2", 1, 0, 0, 0, null)], report.Slices["weekday"]);
        Assert.Equal([new RewardSlice(AdminWorld.DayText("2026-03-02"), 2, 2, 1, 0.5, 0.5), new RewardSlice(AdminWorld.DayText("2026-03-09"), 1, 0, 0, 0, null)], report.Slices["cohort"]);
        Assert.Equal(new Dictionary<string, long> { ["dismiss"] = 1, ["done"] = 1 }, report.Days[7].Reactions.ToDictionary());
        Assert.Equal(["t2", "t1"], log.Select(d => d.TipId));
        Assert.Equal(("dismiss", 0.0), (log[0].Reaction, log[0].Reward));
    }
}
