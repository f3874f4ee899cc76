using OO.Ai.Gate;
using OO.Grains.Ai;
using OO.Grains.Interfaces.Ai;
using OO.Grains.Interfaces.Tips;

namespace OO.Ai.Tests.Grains;

/// <summary>The embedded default: no endpoint, so the generator grain writes rule-based insights through the same gate.</summary>
public sealed class RuleGenerationTests(RulesCluster cluster) : IClassFixture<RulesCluster>
{
    private static readonly ContextTask Invoice = new("demo:42", "Send the invoice", Overdue: false, DueToday: true, Priority: 2);

    private static TipContext MorningPerson(params string[] existing)
    {
        var hours = new int[24];
        hours[8] = 5;
        hours[9] = 4;
        hours[16] = 1;
        return new TipContext(
            [Invoice], new ReactionSummary(5, 3, 2, hours), new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero),
            new Dictionary<string, double>(), existing, 3);
    }

    [Fact]
    public async Task Without_an_endpoint_the_person_s_own_history_becomes_an_insight_by_rules()
    {
        var result = await cluster.Grains.GetGrain<IGeneratorGrain>(0).Generate(MorningPerson());

        Assert.Equal(GenerationOutcome.Generated, result.Outcome);
        var insight = Assert.Single(result.Candidates);
        Assert.Equal((TipKind.Insight, "ai", "rules", InsightRules.PromptVersion), (insight.Kind, insight.Source, insight.Model, insight.PromptVersion));
        Assert.Equal("You finish most tasks between 08:00 and 11:00 — now is a good time for \"Send the invoice\".", insight.Content);
        Assert.Equal([Invoice.SourceRef], result.AboutRefs);
        Assert.Equal(("rules", 0L, 0L), (result.Model, result.InputTokens, result.OutputTokens));
        Assert.Equal(64, result.ContextHash.Length);
    }

    [Fact]
    public async Task An_insight_the_person_already_has_is_not_written_again()
    {
        var generator = cluster.Grains.GetGrain<IGeneratorGrain>(0);
        var first = await generator.Generate(MorningPerson());

        var again = await generator.Generate(MorningPerson(first.Candidates[0].Content));

        Assert.Equal(GenerationOutcome.Rejected, again.Outcome);
        Assert.Empty(again.Candidates);
        Assert.Equal(1, again.RejectionsByReason[GateReasons.NearDuplicate]);
    }

    [Fact]
    public async Task A_newcomer_without_history_gets_nothing_rather_than_a_made_up_insight()
    {
        var newcomer = new TipContext([Invoice], new ReactionSummary(0, 0, 0, new int[24]), DateTimeOffset.UtcNow, new Dictionary<string, double>(), [], 3);

        var result = await cluster.Grains.GetGrain<IGeneratorGrain>(0).Generate(newcomer);

        Assert.Equal(GenerationOutcome.Skipped, result.Outcome);
        Assert.Empty(result.Candidates);
    }
}
