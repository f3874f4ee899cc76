using System.Net.Http.Json;
using System.Text.Json;
using OO.Api.Admin;
using OO.Api.Me;
using OO.Api.Tips;
using OO.Grains.Interfaces.Ai;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Users;
using OO.Testing;
using OO.Tests.Api;
using OO.Tests.Infrastructure;

namespace OO.Tests.Learning;

/// <summary>
/// Issue 11: what a generation wrote reaches the admin's user view, and <c>GET /api/admin/ai</c> follows each model and
/// prompt version from generation (with the gate's rejections) to the tips shown and the reactions they got.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AiAdminTests(PostgresServer postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_ai_report_counts_a_variants_candidates_rejections_shown_tips_and_reactions(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        settings["OO:Auth:AdminEmails"] = "root@example.com";
        settings["OO:Auth:FirstUserIsAdmin"] = "false";
        await using var host = await OOTestHost.StartAsync(settings);
        var client = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var userId = (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        var first = await TipRoundTripTests.NextTipAsync(client);
        var prompt = $"p-{Guid.NewGuid():N}"[..12];
        var advice = new TipCandidate("Block half an hour for the hardest task before lunch", TipKind.Advice, "ai", Guid.NewGuid().ToString("N"), "test-model", prompt, 0.7);

        // As the generator's answer comes back to the user's grain.
        await host.Grains.GetGrain<IUserCandidates>(userId).AcceptGenerated(
            new GenerationResult(GenerationOutcome.Generated, [advice], [null], "test-model", prompt, 2,
                new Dictionary<string, int> { ["url"] = 1, ["too_long"] = 1 }, 850, 300, 60, "0123abcd", 640),
            DateTimeOffset.UtcNow, [0UL]);

        var admin = await host.SignInAsync("root@example.com");
        using (var view = JsonDocument.Parse(await admin.GetStringAsync($"/api/admin/users/{userId}")))
        {
            var candidate = Assert.Single(view.RootElement.GetProperty("candidates").EnumerateArray());
            Assert.Equal(
                ("ai", "advice", advice.Content, "test-model", prompt, 0.7),
                (candidate.GetProperty("source").GetString(), candidate.GetProperty("kind").GetString(), candidate.GetProperty("content").GetString(),
                 candidate.GetProperty("model").GetString(), candidate.GetProperty("promptVersion").GetString(), candidate.GetProperty("confidence").GetDouble()));
            Assert.True(candidate.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));
        }

        var shown = await DismissTasksUntilAdviceAsync(client, first);
        (await client.PostAsJsonAsync($"/api/tips/{shown.TipId}/feedback", new { reaction = "done", dwellMs = 4_000 })).EnsureSuccessStatusCode();
        await Eventually.True(
            async () => await AnalyticsRows.CountAsync(settings, "oo_rewards", $"tip_id = '{shown.TipId}'") == 1
                && await AnalyticsRows.CountAsync(settings, "oo_generations", $"user_id = '{userId}' AND prompt_version = '{prompt}'") == 1,
            Patience,
            "the reward and generation rows");

        var report = await admin.GetFromJsonAsync<AiReport>("/api/admin/ai");
        var variant = Assert.Single(report!.Variants, v => v.Model == "test-model" && v.PromptVersion == prompt);
        Assert.Equal((1, 1, 1), (variant.Generations, variant.Outcomes["generated"], variant.CandidatesGenerated));
        Assert.Equal((1, 1), (variant.RejectedByReason["url"], variant.RejectedByReason["too_long"]));
        Assert.Equal(1, variant.Shown);
        Assert.Equal(1, variant.Reactions["done"]);
        var row = (await AnalyticsRows.ReadAsync(settings, $"SELECT model || '/' || prompt_version FROM oo_served_tips WHERE tip_id = '{shown.TipId}'")).Single();
        Assert.Equal($"test-model/{prompt}", row);
        Assert.Equal(1, await AnalyticsRows.CountAsync(settings, "oo_served_tips", $"tip_id = '{first.TipId}' AND model IS NULL"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Deleting_the_account_erases_its_generations(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        await using var host = await OOTestHost.StartAsync(settings);
        var client = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var userId = (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        await TipRoundTripTests.NextTipAsync(client);
        await host.Grains.GetGrain<IUserCandidates>(userId).AcceptGenerated(GenerationResult.Nothing("test-model", "p1"), DateTimeOffset.UtcNow, []);
        await Eventually.True(
            async () => await AnalyticsRows.CountAsync(settings, "oo_generations", $"user_id = '{userId}'") >= 1, Patience, "the generation row");

        (await client.DeleteAsync("/api/me")).EnsureSuccessStatusCode();

        await Eventually.True(
            async () => await AnalyticsRows.CountAsync(settings, "oo_generations", $"user_id = '{userId}'") == 0, Patience, "the erasure of the generation rows");
    }

    /// <summary>Dismisses demo tasks until the written advice is the tip (at most one per demo task).</summary>
    private static async Task<TipResponse> DismissTasksUntilAdviceAsync(HttpClient client, TipResponse tip)
    {
        for (var i = 0; i < 20 && tip.Kind != "advice"; i++)
        {
            (await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "dismiss", dwellMs = 1_000 })).EnsureSuccessStatusCode();
            tip = await TipRoundTripTests.NextTipAsync(client);
        }

        Assert.Equal(("advice", "ai"), (tip.Kind, tip.Source));
        return tip;
    }
}
