using System.Net;
using System.Net.Http.Json;
using OO.Api.Me;
using OO.Api.Tips;
using OO.Testing;

namespace OO.Tests.Api;

/// <summary>Sign in, get the one tip, react, and see it counted — through the real HTTP API.</summary>
public sealed class TipRoundTripTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Dev_sign_in_then_tip_then_feedback_is_counted_in_me()
    {
        var email = EmbeddedHostFixture.NewEmail();
        var client = await fixture.Host.SignInAsync(email);

        var tip = await NextTipAsync(client);
        Assert.Equal("demo", tip.Source);
        Assert.Equal("task", tip.Kind);
        Assert.False(string.IsNullOrWhiteSpace(tip.Content));

        var feedback = await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 45_000 });
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        var recorded = await feedback.Content.ReadFromJsonAsync<FeedbackResponse>();
        Assert.Equal(1.0, recorded!.Reward);

        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal(email, me!.Email);
        Assert.False(me.IsAdmin);
        Assert.Equal(1, me.Stats.TipsServed);
        Assert.Equal(1, me.Stats.Done);
        Assert.Equal(0, me.Stats.Snoozed + me.Stats.Dismissed);
    }

    [Fact]
    public async Task A_new_demo_users_first_tip_request_returns_a_tip()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());

        // The very first request, right after sign-in: it waits for the demo source's first sync.
        var first = await client.GetAsync("/api/tip");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("demo", (await first.Content.ReadFromJsonAsync<TipResponse>())!.Source);
    }

    [Fact]
    public async Task With_nothing_left_to_suggest_the_answer_says_all_done()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        HttpResponseMessage response;
        // The demo has eight tasks: dismiss them all.
        while ((response = await client.GetAsync("/api/tip")).StatusCode == HttpStatusCode.OK)
        {
            var tip = await response.Content.ReadFromJsonAsync<TipResponse>();
            (await client.PostAsJsonAsync($"/api/tips/{tip!.TipId}/feedback", new { reaction = "dismiss", dwellMs = 1000 })).EnsureSuccessStatusCode();
        }

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("all-done", Assert.Single(response.Headers.GetValues(TipsApi.StateHeader)));
    }

    [Fact]
    public async Task The_same_tip_is_served_until_it_is_reacted_to()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var first = await NextTipAsync(client);
        var reload = await client.GetFromJsonAsync<TipResponse>("/api/tip");
        Assert.Equal(first.TipId, reload!.TipId);

        (await client.PostAsJsonAsync($"/api/tips/{first.TipId}/feedback", new { reaction = "dismiss", dwellMs = 1200 })).EnsureSuccessStatusCode();
        var next = await client.GetFromJsonAsync<TipResponse>("/api/tip");
        Assert.NotEqual(first.TipId, next!.TipId);
        Assert.NotEqual(first.Content, next.Content);

        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal(2, me!.Stats.TipsServed);
    }

    [Fact]
    public async Task Signing_in_again_with_the_same_email_reaches_the_same_user()
    {
        var email = EmbeddedHostFixture.NewEmail();
        var first = await fixture.Host.SignInAsync(email);
        var second = await fixture.Host.SignInAsync(email);
        var one = await first.GetFromJsonAsync<MeResponse>("/api/me");
        var two = await second.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal(one!.UserId, two!.UserId);
    }

    [Fact]
    public async Task A_reacted_tip_of_one_user_is_unknown_to_another()
    {
        var alice = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var bob = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var alicesTip = await NextTipAsync(alice);

        var response = await bob.PostAsJsonAsync($"/api/tips/{alicesTip.TipId}/feedback", new { reaction = "done", dwellMs = 20_000 });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var me = await alice.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal(0, me!.Stats.Done);
    }

    internal static async Task<TipResponse> NextTipAsync(HttpClient client) =>
        await Eventually.Get(
            async () =>
            {
                var response = await client.GetAsync("/api/tip");
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<TipResponse>() : null;
            },
            Patience,
            "a demo tip");
}
