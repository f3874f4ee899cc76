using System.Net.Http.Json;
using System.Text.Json;
using OO.Api.Me;
using OO.Testing;
using OO.Tests.Api;
using OO.Tools.Cli;

namespace OO.Tests.Learning;

/// <summary>The evaluation tool reads what the product logged, and recovers the logging policy's own mean.</summary>
public sealed class OfflineEvaluationTests
{
    [Fact]
    public async Task Evaluate_on_a_log_served_by_random_recovers_randoms_observed_mean_within_its_interval()
    {
        var settings = new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-test-{Guid.NewGuid():N}"),
            ["OO:Learning:ActivePolicy"] = "random",
        };
        await using (var host = await OOTestHost.StartAsync(settings))
        {
            var reactions = new[] { "done", "snooze", "dismiss", "done", "dismiss", "snooze", "done", "dismiss" };
            for (var user = 0; user < 5; user++)
            {
                var client = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
                foreach (var reaction in reactions.Skip(user).Concat(reactions.Take(user)))
                {
                    var tip = await TipRoundTripTests.NextTipAsync(client);
                    (await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction, dwellMs = 30_000 })).EnsureSuccessStatusCode();
                }
            }

            await Eventually.True(
                async () => await AnalyticsRows.CountAsync(settings, "oo_rewards", "1 = 1") == 40, TimeSpan.FromSeconds(15), "40 reward rows");
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var database = Path.Combine(settings["OO:DataDirectory"]!, "oo.db");
        var exit = ToolsCli.Run(["evaluate", "--format", "oo", "--connection", $"Data Source={database}", "--policies", "random,linucb", "--json"], output, error);

        Assert.True(exit == 0, error.ToString());
        using var report = JsonDocument.Parse(output.ToString());
        var loggedMean = report.RootElement.GetProperty("loggedMean").GetDouble();
        // Per user: three done in the magic zone (+1), two snoozes (0), three dismissals (−0.5).
        Assert.Equal(((3 * 1.0) + (3 * -0.5)) / 8, loggedMean, 6);
        var random = report.RootElement.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "random");
        foreach (var estimator in new[] { "ips", "snips" })
        {
            var estimate = random.GetProperty(estimator);
            Assert.InRange(loggedMean, estimate.GetProperty("ciLow").GetDouble(), estimate.GetProperty("ciHigh").GetDouble());
        }
    }
}
