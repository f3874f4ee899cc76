using System.Diagnostics;
using OO.Ai.Gate;
using OO.Ai.Prompts;
using OO.Ai.Writing;
using OO.Testing.StandIns.Chat;

namespace OO.Ai.Tests.Writing;

/// <summary>The model client end to end over HTTP: the OpenAI SDK, the resilience handler, the gate and its retries.</summary>
public sealed class TipWriterTests
{
    private static readonly ChatReply Good = ChatReply.Tips(("Block an hour before lunch for the quarterly report, before meetings start.", "advice", "t1", 0.8));

    [Fact]
    public async Task A_good_answer_is_generated_with_the_reported_tokens()
    {
        await using var harness = await WriterHarness.StartAsync(o => o.Model = "llama3.2");
        harness.Model.Script(Good with { Usage = (321, 45) });

        var result = await harness.Writer.WriteAsync(WriterHarness.Request());

        Assert.Equal(WriteOutcome.Generated, result.Outcome);
        var draft = Assert.Single(result.Drafts);
        Assert.Equal(("advice", "t1"), (draft.Kind, draft.AboutRef));
        Assert.Equal((1, 321L, 45L), (result.Attempts, result.InputTokens, result.OutputTokens));
        Assert.Equal(("llama3.2", PromptLibrary.Current.Version), (result.Model, result.PromptVersion));
        Assert.Empty(result.RejectionsByReason);
    }

    [Fact]
    public async Task The_request_names_the_model_asks_for_the_schema_and_sends_the_context_as_given()
    {
        await using var harness = await WriterHarness.StartAsync(o => o.Model = "tip-generator");
        harness.Model.Script(Good);

        await harness.Writer.WriteAsync(WriterHarness.Request(max: 2));

        var request = Assert.Single(harness.Model.Requests);
        Assert.Equal("tip-generator", request.Model);
        Assert.Equal("json_schema", request.Body["response_format"]?["type"]?.GetValue<string>());
        var tip = request.Body["response_format"]?["json_schema"]?["schema"]?["properties"]?["tips"]?["items"];
        Assert.Equal(["advice", "insight", "reminder", "task"], tip?["properties"]?["kind"]?["enum"]?.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Contains("at most 2 tips", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Equal(["system", "user"], request.Messages.Select(m => m.Role));
        Assert.Equal(WriterHarness.Request().ContextJson, request.Messages[1].Content);
        Assert.Equal("Bearer unused", request.Authorization);
    }

    [Fact]
    public async Task A_configured_key_is_sent_as_the_bearer_token()
    {
        // Made up per run: no key-shaped literal in the repository.
        var key = $"test-{Guid.NewGuid():N}";
        await using var harness = await WriterHarness.StartAsync(o => o.ApiKey = key);
        harness.Model.Script(Good);

        await harness.Writer.WriteAsync(WriterHarness.Request());

        Assert.Equal($"Bearer {key}", Assert.Single(harness.Model.Requests).Authorization);
    }

    [Fact]
    public async Task A_refused_answer_is_asked_again_with_the_gate_s_reasons()
    {
        await using var harness = await WriterHarness.StartAsync();
        harness.Model.Script(ChatReply.NotJson(), ChatReply.SchemaBreaking(), Good);

        var result = await harness.Writer.WriteAsync(WriterHarness.Request());

        Assert.Equal(WriteOutcome.Generated, result.Outcome);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(1, result.RejectionsByReason[GateReasons.NotJson]);
        Assert.Equal(1, result.RejectionsByReason[GateReasons.Schema]);
        var requests = harness.Model.Requests;
        Assert.Equal(["system", "user", "assistant", "user"], requests[1].Messages.Select(m => m.Role));
        Assert.Contains("(not_json)", requests[1].Messages[3].Content, StringComparison.Ordinal);
        Assert.Equal(ChatReply.NotJson().Content, requests[1].Messages[2].Content);
        Assert.Contains("(schema)", requests[2].Messages[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_two_retries_the_round_is_given_up_and_nothing_is_returned()
    {
        await using var harness = await WriterHarness.StartAsync();
        var tooLong = ChatReply.Tips((new string('a', 141), "advice", null, 0.5));
        var url = ChatReply.Tips(("Read https://example.org before you start.", "advice", null, 0.5));
        harness.Model.Script(tooLong, url, ChatReply.Tips(("Write the quarterly report", "task", "t1", 0.9)), Good);

        var result = await harness.Writer.WriteAsync(WriterHarness.Request());

        Assert.Equal(WriteOutcome.Rejected, result.Outcome);
        Assert.Empty(result.Drafts);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, harness.Model.Requests.Count);
        Assert.Equal(new Dictionary<string, int> { [GateReasons.TooLong] = 1, [GateReasons.UrlOrMarkup] = 1, [GateReasons.NearDuplicate] = 1 }, result.RejectionsByReason);
    }

    [Fact]
    public async Task A_model_slower_than_the_timeout_fails_the_round_quickly()
    {
        await using var harness = await WriterHarness.StartAsync(o => o.Timeout = TimeSpan.FromMilliseconds(500));
        harness.Model.Script(ChatReply.Slow(TimeSpan.FromSeconds(30), Good));
        var clock = Stopwatch.StartNew();

        var result = await harness.Writer.WriteAsync(WriterHarness.Request());

        Assert.Equal(WriteOutcome.Failed, result.Outcome);
        Assert.Empty(result.Drafts);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_500_is_retried_by_the_resilience_handler_not_the_gate()
    {
        await using var harness = await WriterHarness.StartAsync();
        harness.Model.Script(ChatReply.Error(500), ChatReply.Error(503), Good);

        var result = await harness.Writer.WriteAsync(WriterHarness.Request());

        Assert.Equal(WriteOutcome.Generated, result.Outcome);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(3, harness.Model.Requests.Count);
    }

    [Fact]
    public async Task A_model_that_keeps_failing_ends_the_round_as_failed_after_the_HTTP_retries()
    {
        await using var harness = await WriterHarness.StartAsync(o => o.RetryAttempts = 2);
        harness.Model.Default = ChatReply.Error(500);

        var result = await harness.Writer.WriteAsync(WriterHarness.Request());

        Assert.Equal(WriteOutcome.Failed, result.Outcome);
        Assert.Equal(3, harness.Model.Requests.Count);
    }

    [Fact]
    public async Task A_429_is_waited_out_for_its_Retry_After()
    {
        await using var harness = await WriterHarness.StartAsync();
        harness.Model.Script(ChatReply.RateLimited(1), Good);

        var result = await harness.Writer.WriteAsync(WriterHarness.Request());

        Assert.Equal(WriteOutcome.Generated, result.Outcome);
        var requests = harness.Model.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_the_timeout_fails_at_once()
    {
        await using var harness = await WriterHarness.StartAsync(o => o.Timeout = TimeSpan.FromSeconds(10));
        harness.Model.Script(ChatReply.RateLimited(120), Good);
        var clock = Stopwatch.StartNew();

        var result = await harness.Writer.WriteAsync(WriterHarness.Request());

        Assert.Equal(WriteOutcome.Failed, result.Outcome);
        Assert.Single(harness.Model.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
