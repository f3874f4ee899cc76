using System.Net.Http.Headers;
using OO.Grains.Interfaces.Ai;
using OO.Testing;
using OO.Testing.StandIns.Chat;

namespace OO.Ai.Tests;

/// <summary>The whole oO process as it is deployed, with an endpoint configured: the generator answers and /metrics shows it.</summary>
public sealed class HostedGenerationTests
{
    [Fact]
    public async Task A_configured_endpoint_is_used_by_the_host_and_its_generations_are_on_metrics()
    {
        await using var model = await ChatCompletionsStandIn.StartAsync();
        var token = $"scrape-{Guid.NewGuid():N}";
        var directory = Path.Combine(Path.GetTempPath(), $"oo-ai-test-{Guid.NewGuid():N}");
        await using var oo = await OOTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = directory,
            ["OO:Metrics:Token"] = token,
            ["OO:AI:Endpoint"] = model.Endpoint,
            ["OO:AI:Model"] = "llama3.2",
        });
        model.Script(ChatReply.Tips(("Stretch for two minutes before you sit down again.", "advice", null, 0.5)) with { Usage = (200, 30) });
        var context = new TipContext(
            [new ContextTask("demo:1", "Water the plants", false, true, 1)], new ReactionSummary(0, 0, 0, new int[24]),
            DateTimeOffset.UtcNow, new Dictionary<string, double>(), [], 2);

        var result = await oo.Grains.GetGrain<IGeneratorGrain>(0).Generate(context);

        Assert.Equal(GenerationOutcome.Generated, result.Outcome);
        Assert.Equal("llama3.2", Assert.Single(model.Requests).Model);
        using var client = oo.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await Eventually.True(async () =>
        {
            var scraped = await client.GetStringAsync("/metrics");
            return scraped.Contains("oo_ai_generations_total{", StringComparison.Ordinal)
                && scraped.Contains("oo_ai_tokens_total{", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(20), "the OO.AI instruments on /metrics");
    }
}
