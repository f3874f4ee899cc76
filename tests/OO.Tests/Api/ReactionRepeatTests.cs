using System.Net;
using System.Net.Http.Json;
using OO.Api.Me;
using OO.Api.Tips;
using OO.Testing;

namespace OO.Tests.Api;

/// <summary>
/// A reaction names its tip, so sending it again (a client that lost the answer, or the API retrying after
/// a silo died) is answered as the first time and counted once; a different reaction is still a conflict.
/// </summary>
public sealed class ReactionRepeatTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    [Fact]
    public async Task The_same_reaction_sent_again_gets_the_first_answer_and_counts_once()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var tip = await TipRoundTripTests.NextTipAsync(client);
        var first = await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 45_000 });
        var firstAnswer = await first.Content.ReadFromJsonAsync<FeedbackResponse>();

        var again = await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 45_000 });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(firstAnswer, await again.Content.ReadFromJsonAsync<FeedbackResponse>());
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal(1, me!.Stats.Done);
    }

    [Fact]
    public async Task Another_reaction_to_a_tip_that_has_one_is_still_a_conflict()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var tip = await TipRoundTripTests.NextTipAsync(client);
        (await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "snooze", dwellMs = 1_000 })).EnsureSuccessStatusCode();

        var other = await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 1_000 });

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal((0, 1), (me!.Stats.Done, me.Stats.Snoozed));
    }
}
