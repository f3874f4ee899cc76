using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using OO.Api.Admin;
using OO.Api.Me;
using OO.Learning.Features;
using OO.Learning.Logging;
using OO.Testing;
using OO.Tests.Api;
using OO.Tests.Infrastructure;

namespace OO.Tests.Learning;

/// <summary>
/// Issue 10, item 6: administrators change the serving and shadow policies at run time, cluster-wide, and a
/// promotion needs evidence from the recent log. The log is seeded so the right answer is known: two candidates,
/// one always done (reward 1) and one always dismissed (0), shown uniformly at random — random is worth 0.5,
/// a learning policy close to 1.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PoliciesApiTests(PostgresServer postgres)
{
    private const string Admin = "root@example.com";
    private const int SeededDecisions = 400;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_promotion_on_weak_evidence_is_refused_and_changes_nothing_and_force_promotes_it_audited_and_serving(string engine)
    {
        var settings = await SettingsAsync(engine);
        await using var host = await OOTestHost.StartAsync(settings);
        await SeedAsync(settings, engine);
        var admin = await host.SignInAsync(Admin);
        var adminId = (await admin.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;

        var refused = await admin.PutAsJsonAsync("/api/admin/policies", new { active = "random" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/admin/policies", new { active = "greedy-and-lucky" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/admin/policies", new { shadows = new[] { "random", "nope" } })).StatusCode);
        var unchanged = await admin.GetFromJsonAsync<PoliciesResponse>("/api/admin/policies");
        Assert.Equal(("linucb", 0L), (unchanged!.Active, unchanged.Revision));
        Assert.Equal(["random", "epsilon-greedy", "thompson"], unchanged.Shadows);
        Assert.Equal(0, await AnalyticsRows.CountAsync(settings, "oo_audit", "target = 'policies'"));

        var forced = await admin.PutAsJsonAsync("/api/admin/policies", new { active = "random", shadows = new[] { "thompson" }, force = true });

        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        var now = await admin.GetFromJsonAsync<PoliciesResponse>("/api/admin/policies");
        Assert.Equal(("random", 1L, adminId), (now!.Active, now.Revision, now.ChangedBy));
        Assert.Equal(["thompson"], now.Shadows);
        Assert.Equal(1, await AnalyticsRows.CountAsync(settings, "oo_audit", $"target = 'policies' AND action = 'policies.force' AND actor = '{adminId}'"));

        var user = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var tip = await TipRoundTripTests.NextTipAsync(user);
        await Eventually.True(
            async () => await AnalyticsRows.CountAsync(settings, "oo_served_tips", $"tip_id = '{tip.TipId}'") == 1, Patience, "the served row");
        var decision = DecisionLogEntry.TryParse((await AnalyticsRows.ReadAsync(settings, $"SELECT decision_json FROM oo_served_tips WHERE tip_id = '{tip.TipId}'")).Single());
        Assert.Equal("random", decision!.Policy);
        Assert.Equal(["thompson"], decision.Shadow.Select(s => s.Policy));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_estimates_carry_intervals_and_a_promotion_on_strong_evidence_is_accepted_and_audited(string engine)
    {
        var settings = await SettingsAsync(engine);
        settings["OO:Learning:ActivePolicy"] = "random";
        await using var host = await OOTestHost.StartAsync(settings);
        var loggedMean = await SeedAsync(settings, engine);
        var admin = await host.SignInAsync(Admin);
        var adminId = (await admin.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;

        var before = await admin.GetFromJsonAsync<PoliciesResponse>("/api/admin/policies");

        Assert.Equal(("random", 0L, SeededDecisions), (before!.Active, before.Revision, before.Decisions));
        Assert.Equal(["epsilon-greedy", "linucb", "random", "thompson"], before.Estimates.Select(e => e.Policy).Order());
        Assert.All(before.Estimates, e =>
        {
            foreach (var estimate in new[] { e.Ips, e.Snips })
            {
                Assert.Equal(SeededDecisions, estimate.Count);
                Assert.True(estimate.CiLow <= estimate.Estimate && estimate.Estimate <= estimate.CiHigh, $"{e.Policy}: {estimate}");
            }
        });
        var random = before.Estimates.Single(e => e.Policy == "random").Snips;
        // Served by random with every weight 1, SNIPS is exactly the logged mean.
        Assert.Equal(loggedMean, random.Estimate!.Value, 9);
        var linucb = before.Estimates.Single(e => e.Policy == "linucb").Snips;
        Assert.True(linucb.CiLow > random.Estimate, $"linucb [{linucb.CiLow}, {linucb.CiHigh}] should clear random's {random.Estimate}.");

        var promoted = await admin.PutAsJsonAsync("/api/admin/policies", new { active = "linucb" });

        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var after = await promoted.Content.ReadFromJsonAsync<PoliciesResponse>();
        Assert.Equal(("linucb", 1L), (after!.Active, after.Revision));
        Assert.Equal(before.Shadows, after.Shadows);
        Assert.Equal(1, await AnalyticsRows.CountAsync(settings, "oo_audit", $"target = 'policies' AND action = 'policies.set' AND actor = '{adminId}'"));
        Assert.Equal(0, await AnalyticsRows.CountAsync(settings, "oo_audit", "target = 'policies' AND action = 'policies.force'"));
    }

    [Fact]
    public async Task The_policies_endpoints_are_for_admins_only()
    {
        var settings = await SettingsAsync("sqlite");
        await using var host = await OOTestHost.StartAsync(settings);
        var user = await host.SignInAsync(EmbeddedHostFixture.NewEmail());

        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/admin/policies")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PutAsJsonAsync("/api/admin/policies", new { active = "random", force = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/api/admin/policies")).StatusCode);
    }

    private async Task<Dictionary<string, string?>> SettingsAsync(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        settings["OO:Auth:AdminEmails"] = Admin;
        settings["OO:Auth:FirstUserIsAdmin"] = "false";
        return settings;
    }

    /// <summary>Writes <see cref="SeededDecisions"/> rewarded decisions of a uniform logger over two candidates; returns their mean reward.</summary>
    private static async Task<double> SeedAsync(IReadOnlyDictionary<string, string?> settings, string engine)
    {
        var d = FeatureRegistry.Dimension;
        var done = new double[d];
        var dismissed = new double[d];
        done[0] = dismissed[0] = 1;
        done[1] = 1;
        dismissed[2] = 1;
        var random = new Random(7);
        var start = DateTimeOffset.UtcNow.AddHours(-6);
        var total = 0.0;
        await using var connection = await AnalyticsRows.OpenAsync(settings);
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 0; i < SeededDecisions; i++)
        {
            var chosen = random.Next(2);
            total += chosen == 0 ? 1.0 : 0.0;
            var tipId = $"seeded-{i:D4}";
            var entry = new DecisionLogEntry(
                false, [new LoggedCandidate("seed:done", done, 0), new LoggedCandidate("seed:dismissed", dismissed, 0)], chosen, 2, 0.5, "random", [], FeatureRegistry.Names);
            object at = engine == "sqlite" ? start.AddSeconds(i).ToString("O", CultureInfo.InvariantCulture) : start.AddSeconds(i);
            await ExecuteAsync(connection, transaction,
                "INSERT INTO oo_served_tips (tip_id, user_id, served_at, policy, source, source_ref, propensity, latency_us, decision_json) VALUES (@tip, 'seeded-user', @at, 'random', 'seed', @ref, 0.5, 10, @decision)",
                ("tip", tipId), ("at", at), ("ref", chosen == 0 ? "done" : "dismissed"), ("decision", entry.ToJson()));
            await ExecuteAsync(connection, transaction,
                "INSERT INTO oo_rewards (tip_id, user_id, reacted_at, reaction, dwell_ms, reward) VALUES (@tip, 'seeded-user', @at, @reaction, 30000, @reward)",
                ("tip", tipId), ("at", at), ("reaction", chosen == 0 ? "done" : "dismiss"), ("reward", chosen == 0 ? 1.0 : 0.0));
        }

        await transaction.CommitAsync();
        return total / SeededDecisions;
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}
