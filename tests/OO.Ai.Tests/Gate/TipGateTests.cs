using OO.Ai.Gate;

namespace OO.Ai.Tests.Gate;

public sealed class TipGateTests
{
    private static TipGate NewGate(int max = 3, string[]? existing = null) =>
        new(["t1", "t2"], existing ?? ["Write the quarterly report", "Call the dentist"], max);

    private static string Tip(string content, string kind = "advice", string? sourceRef = null, double confidence = 0.7) =>
        System.Text.Json.JsonSerializer.Serialize(new { tips = new[] { new { content, kind, sourceRef, confidence } } });

    private static string Only(GateVerdict verdict) => Assert.Single(verdict.Rejections).Reason;

    [Fact]
    public void A_well_formed_answer_passes_with_its_tips()
    {
        var verdict = NewGate().Check(Tip("Block 30 minutes before lunch for the report, while your focus is fresh.", "advice", "t1", 0.8));

        var draft = Assert.Single(verdict.Accepted);
        Assert.Empty(verdict.Rejections);
        Assert.Equal(("advice", "t1", 0.8), (draft.Kind, draft.AboutRef, draft.Confidence));
    }

    [Fact]
    public void An_answer_in_a_code_fence_is_read_as_its_JSON() =>
        Assert.Single(NewGate().Check($"```json\n{Tip("Take a five-minute walk before the next meeting.")}\n```").Accepted);

    [Theory]
    [InlineData("Sure! Here are some tips: take a break.")]
    [InlineData("{\"tips\": [")]
    [InlineData("")]
    public void Text_that_is_not_JSON_is_refused_whole(string answer)
    {
        var verdict = NewGate().Check(answer);

        Assert.Empty(verdict.Accepted);
        Assert.Equal(GateReasons.NotJson, Only(verdict));
    }

    [Theory]
    [InlineData("{\"advice\":[]}")]
    [InlineData("[{\"content\":\"Take a break\",\"kind\":\"advice\",\"confidence\":0.5}]")]
    [InlineData("{\"tips\":[{\"content\":\"Take a break now\",\"kind\":\"motivation\",\"confidence\":0.5}]}")]
    [InlineData("{\"tips\":[{\"content\":\"Take a break now\",\"kind\":\"advice\",\"confidence\":1.5}]}")]
    [InlineData("{\"tips\":[{\"content\":\"Take a break now\",\"kind\":\"advice\"}]}")]
    [InlineData("{\"tips\":[{\"content\":42,\"kind\":\"advice\",\"confidence\":0.5}]}")]
    [InlineData("{\"tips\":[{\"content\":\"Take a break now\",\"kind\":\"advice\",\"confidence\":0.5,\"sourceRef\":7}]}")]
    [InlineData("{\"tips\":[\"Take a break now\"]}")]
    public void JSON_that_breaks_the_schema_is_refused(string answer)
    {
        var verdict = NewGate().Check(answer);

        Assert.Empty(verdict.Accepted);
        Assert.Equal(GateReasons.Schema, Only(verdict));
    }

    [Fact]
    public void An_answer_without_tips_is_refused_as_empty() =>
        Assert.Equal(GateReasons.Empty, Only(NewGate().Check("{\"tips\":[]}")));

    [Fact]
    public void Content_over_140_characters_is_refused_and_140_passes()
    {
        var limit = "Take a short walk " + new string('x', 140 - 18);
        Assert.Single(NewGate().Check(Tip(limit)).Accepted);
        Assert.Equal(GateReasons.TooLong, Only(NewGate().Check(Tip(limit + "y"))));
    }

    [Theory]
    [InlineData("Read https://example.org/focus before you start.")]
    [InlineData("Look at www.focus-tips.org for ideas.")]
    [InlineData("Ask your team at team@example.org about it.")]
    [InlineData("Check focusguide.com before lunch.")]
    [InlineData("**Start** with the smallest task.")]
    [InlineData("Start with the <b>smallest</b> task.")]
    [InlineData("Run `todo list` and pick one.")]
    [InlineData("See [this guide](guide) first.")]
    [InlineData("# Start with the smallest task")]
    [InlineData("- Start with the smallest task")]
    [InlineData("Start small.\nThen keep going.")]
    public void Content_with_a_URL_or_markup_is_refused(string content) =>
        Assert.Equal(GateReasons.UrlOrMarkup, Only(NewGate().Check(Tip(content))));

    [Fact]
    public void A_sourceRef_that_is_not_in_the_context_is_refused_and_null_passes()
    {
        Assert.Equal(GateReasons.UnknownSourceRef, Only(NewGate().Check(Tip("Do the report first thing tomorrow morning.", sourceRef: "t9"))));
        Assert.Single(NewGate().Check(Tip("Do the report first thing tomorrow morning.", sourceRef: null)).Accepted);
    }

    [Theory]
    [InlineData("Write the quarterly report.")]
    [InlineData("write the Quarterly report!")]
    [InlineData("Write quarterly report")]
    [InlineData("Call the dentist today")]
    public void A_restated_task_title_is_refused_as_a_near_duplicate(string content) =>
        Assert.Equal(GateReasons.NearDuplicate, Only(NewGate().Check(Tip(content))));

    [Fact]
    public void Advice_that_mentions_a_task_is_not_a_near_duplicate() =>
        Assert.Single(NewGate().Check(Tip("Block an hour before lunch for the quarterly report, before meetings start.")).Accepted);

    [Fact]
    public void A_tip_that_repeats_an_existing_candidate_or_an_earlier_tip_of_the_answer_is_refused()
    {
        var gate = NewGate(existing: ["Take a five-minute walk before the next meeting."]);
        var answer = """
            {"tips":[
              {"content":"Take a 5-minute walk before the next meeting.","kind":"advice","sourceRef":null,"confidence":0.5},
              {"content":"Drink a glass of water before you start the report.","kind":"advice","sourceRef":null,"confidence":0.5},
              {"content":"Drink a glass of water before you start your report.","kind":"advice","sourceRef":null,"confidence":0.5}
            ]}
            """;

        var verdict = gate.Check(answer);

        Assert.Equal("Drink a glass of water before you start the report.", Assert.Single(verdict.Accepted).Content);
        Assert.Equal([GateReasons.NearDuplicate, GateReasons.NearDuplicate], verdict.Rejections.Select(r => r.Reason));
    }

    [Fact]
    public void Tips_past_the_maximum_are_not_kept()
    {
        var answer = """
            {"tips":[
              {"content":"Start the day with the smallest task on your list.","kind":"advice","sourceRef":null,"confidence":0.5},
              {"content":"Put your phone in another room for the next hour.","kind":"advice","sourceRef":null,"confidence":0.5},
              {"content":"Plan tomorrow's first step before you stop today.","kind":"advice","sourceRef":null,"confidence":0.5}
            ]}
            """;

        Assert.Equal(2, NewGate(max: 2).Check(answer).Accepted.Count);
    }

    [Fact]
    public void A_typed_draft_is_admitted_once_and_then_counts_as_existing()
    {
        var gate = NewGate();
        var draft = new TipDraft("You finish most tasks between 08:00 and 11:00.", "insight", "t2", 0.6);

        Assert.Null(gate.Admit(draft));
        Assert.Equal(GateReasons.NearDuplicate, gate.Admit(draft)?.Reason);
    }
}
