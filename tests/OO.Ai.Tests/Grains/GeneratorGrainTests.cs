using System.Security.Cryptography;
using System.Text;
using OO.Ai.Gate;
using OO.Ai.Prompts;
using OO.Grains.Interfaces.Ai;
using OO.Grains.Interfaces.Tips;
using OO.Testing.StandIns.Chat;

namespace OO.Ai.Tests.Grains;

/// <summary>The generator grain as a user grain calls it, in a silo, against the chat-completions stand-in.</summary>
public sealed class GeneratorGrainTests(AiCluster cluster) : IClassFixture<AiCluster>, IAsyncLifetime
{
    private static readonly ContextTask Report = new("todoist:8812734", "Write the quarterly report", Overdue: false, DueToday: true, Priority: 3);
    private static readonly ContextTask Dentist = new("todoist:8812735", "Call the dentist", Overdue: true, DueToday: false, Priority: 1);

    private IGeneratorGrain Generator => cluster.Grains.GetGrain<IGeneratorGrain>(0);

    private static TipContext Context(params string[] existing) => new(
        [Report, Dentist],
        new ReactionSummary(4, 2, 1, new int[24]),
        new DateTimeOffset(2026, 11, 27, 9, 15, 0, TimeSpan.FromHours(1)),
        new Dictionary<string, double> { ["hour_of_day"] = 0.375 },
        existing,
        MaxCandidates: 2);

    public Task InitializeAsync()
    {
        cluster.Model.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Candidates_that_pass_the_gate_come_back_typed_with_fresh_refs_and_the_task_they_are_about()
    {
        cluster.Model.Script(ChatReply.Tips(
            ("Block an hour before lunch for the report, before meetings start.", "advice", "t1", 0.8),
            ("Dentists pick up early: a call at 9 is quickest.", "reminder", "t2", 0.6),
            ("Stretch for two minutes before you sit down again.", "advice", null, 0.4)) with { Usage = (410, 96) });

        var result = await Generator.Generate(Context());

        Assert.Equal(GenerationOutcome.Generated, result.Outcome);
        Assert.Equal(2, result.Candidates.Count);
        Assert.Equal([TipKind.Advice, TipKind.Reminder], result.Candidates.Select(c => c.Kind));
        Assert.All(result.Candidates, c => Assert.Equal(("ai", "llama3.2", PromptLibrary.Current.Version), (c.Source, c.Model, c.PromptVersion)));
        Assert.Equal(2, result.Candidates.Select(c => c.SourceRef).Distinct().Count());
        Assert.Equal([Report.SourceRef, Dentist.SourceRef], result.AboutRefs);
        Assert.Equal([0.8, 0.6], result.Candidates.Select(c => c.Confidence));
        Assert.Equal(("llama3.2", 1, 410L, 96L), (result.Model, result.Attempts, result.InputTokens, result.OutputTokens));
    }

    [Fact]
    public async Task What_is_sent_is_the_context_with_titles_as_given_and_no_source_ids_and_its_hash_is_reported()
    {
        cluster.Model.Script(ChatReply.Tips(("Stretch for two minutes before you sit down again.", "advice", null, 0.4)));

        var result = await Generator.Generate(Context("Take a walk after lunch."));

        var sent = Assert.Single(cluster.Model.Requests).Messages[1].Content;
        Assert.Contains("\"title\":\"Write the quarterly report\"", sent, StringComparison.Ordinal);
        Assert.Contains("Take a walk after lunch.", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("8812734", cluster.Model.Requests[0].AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("@", cluster.Model.Requests[0].AllText, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sent))), result.ContextHash);
        Assert.Equal(Encoding.UTF8.GetByteCount(sent), result.ContextBytes);
    }

    [Fact]
    public async Task Garbage_answers_are_retried_twice_then_rejected_and_nothing_reaches_the_caller()
    {
        cluster.Model.Script(ChatReply.NotJson(), ChatReply.SchemaBreaking(), ChatReply.Tips(("Call the dentist", "task", "t2", 0.9)));

        var result = await Generator.Generate(Context());

        Assert.Equal(GenerationOutcome.Rejected, result.Outcome);
        Assert.Empty(result.Candidates);
        Assert.Empty(result.AboutRefs);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(new Dictionary<string, int> { [GateReasons.NotJson] = 1, [GateReasons.Schema] = 1, [GateReasons.NearDuplicate] = 1 }, result.RejectionsByReason);
    }

    [Fact]
    public async Task A_model_slower_than_the_timeout_is_a_failed_generation_not_an_exception()
    {
        cluster.Model.Script(ChatReply.Slow(TimeSpan.FromSeconds(20), ChatReply.Tips(("Stretch for two minutes.", "advice", null, 0.4))));

        var result = await Generator.Generate(Context());

        Assert.Equal(GenerationOutcome.Failed, result.Outcome);
        Assert.Empty(result.Candidates);
        Assert.InRange(result.LatencyMs, 900, 5_000);
    }

    [Fact]
    public async Task An_empty_context_is_skipped_without_a_call()
    {
        var empty = new TipContext([], new ReactionSummary(0, 0, 0, new int[24]), DateTimeOffset.UtcNow, new Dictionary<string, double>(), [], 3);

        var result = await Generator.Generate(empty);

        Assert.Equal(GenerationOutcome.Skipped, result.Outcome);
        Assert.Empty(cluster.Model.Requests);
    }
}
