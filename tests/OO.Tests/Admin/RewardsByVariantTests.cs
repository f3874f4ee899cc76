using System.Net.Http.Json;
using OO.Admin.Data.Rewards;
using OO.Grains.Analytics;
using OO.Grains.Interfaces.Tips;
using OO.Testing;
using OO.Tests.Analytics;
using OO.Tests.Infrastructure;

namespace OO.Tests.Admin;

/// <summary>Rewards per kind, task priority, model and prompt version, on both engines; and the writer records kind and priority.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RewardsByVariantTests(PostgresServer postgres)
{
    private readonly StorageEngine _storage = new(postgres);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rewards_are_sliced_by_kind_priority_model_and_prompt_version(string engine)
    {
        var settings = await _storage.FreshAsync(engine);
        settings["OO:Auth:FirstUserIsAdmin"] = "true";
        await using var host = await OOTestHost.StartAsync(settings);
        var admin = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var world = new AdminWorld(settings);
        await world.UserAsync("u1", "one@example.com", "2026-03-04T09:00:00Z");
        // Two urgent tasks (one done), a normal task never reacted to, two advices from two prompts, a reminder, and an
        // old row that knows nothing of its kind.
        await world.TipAsync("t1", "u1", "2026-03-08T07:00:00Z", "done", reward: 1.0);
        await world.TipAsync("t2", "u1", "2026-03-08T08:00:00Z", "dismiss", reward: 0.0);
        await world.TipAsync("t3", "u1", "2026-03-08T09:00:00Z");
        await world.TipAsync("a1", "u1", "2026-03-09T07:00:00Z", "helpful", reward: 1.0);
        await world.TipAsync("a2", "u1", "2026-03-09T08:00:00Z", "not-useful", reward: -0.5);
        await world.TipAsync("r1", "u1", "2026-03-09T09:00:00Z", "helpful", reward: 0.5);
        await world.TipAsync("o1", "u1", "2026-03-09T10:00:00Z");
        await world.VariantAsync("t1", "task", 4);
        await world.VariantAsync("t2", "task", 4);
        await world.VariantAsync("t3", "task", 1);
        await world.VariantAsync("a1", "advice", null, "gpt-x", "advice-v1");
        await world.VariantAsync("a2", "advice", null, "gpt-x", "advice-v2");
        await world.VariantAsync("r1", "reminder", null, "rules", "reminder-v1");

        var report = (await admin.GetFromJsonAsync<RewardsReport>($"/api/admin/rewards?from={AdminWorld.DayText("2026-03-01")}&to={AdminWorld.DayText("2026-03-10")}"))!;

        AssertSlices(
            [new RewardSlice("(unknown)", 1, 0, 0, 0, null), new RewardSlice("advice", 2, 2, 0, 0, 0.25),
             new RewardSlice("reminder", 1, 1, 0, 0, 0.5), new RewardSlice("task", 3, 2, 1, 1.0 / 3, 0.5)],
            report.Slices["kind"]);
        AssertSlices(
            [new RewardSlice("(unknown)", 4, 3, 0, 0, 1.0 / 3), new RewardSlice("1", 1, 0, 0, 0, null), new RewardSlice("4", 2, 2, 1, 0.5, 0.5)],
            report.Slices["priority"]);
        AssertSlices(
            [new RewardSlice("(unknown)", 4, 2, 1, 0.25, 0.5), new RewardSlice("gpt-x", 2, 2, 0, 0, 0.25), new RewardSlice("rules", 1, 1, 0, 0, 0.5)],
            report.Slices["model"]);
        AssertSlices(
            [new RewardSlice("(unknown)", 4, 2, 1, 0.25, 0.5), new RewardSlice("advice-v1", 1, 1, 0, 0, 1.0),
             new RewardSlice("advice-v2", 1, 1, 0, 0, -0.5), new RewardSlice("reminder-v1", 1, 1, 0, 0, 0.5)],
            report.Slices["prompt_version"]);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_served_row_records_its_kind_and_priority(string engine)
    {
        await using var test = await WriterUnderTest.CreateAsync(postgres, engine);
        await test.StartAsync();
        var user = WriterUnderTest.NewUserId();
        var now = test.Time.GetUtcNow();
        test.Sink.Served(WriterUnderTest.Served(user, now) with { Kind = TipKind.Task, Priority = 3 });
        test.Sink.Served(WriterUnderTest.Served(user, now) with { Kind = TipKind.Insight, Model = "rules", PromptVersion = "insight-v1" });
        await test.Sink.AuditAsync(new AuditRecord(now, "admin-id", "flush", user, null), CancellationToken.None);

        Assert.Equal(
            ["insight/", "task/3"],
            await AnalyticsRows.ReadAsync(test.Settings, $"SELECT kind || '/' || COALESCE(CAST(priority AS TEXT), '') FROM oo_served_tips WHERE user_id = '{user}' ORDER BY kind"));
    }

    // Slices come back in the database's order (PostgreSQL puts nulls last); compare them in one order, rounded.
    private static void AssertSlices(IReadOnlyList<RewardSlice> expected, IReadOnlyList<RewardSlice> actual) =>
        Assert.Equal(Sorted(expected), Sorted(actual));

    private static List<RewardSlice> Sorted(IReadOnlyList<RewardSlice> slices) =>
        slices.Select(s => s with { DoneRate = Round(s.DoneRate), MeanReward = Round(s.MeanReward) })
            .OrderBy(s => s.Key, StringComparer.Ordinal).ToList();

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 9) : null;
}
