using System.Net;
using System.Net.Http.Json;
using System.Text;
using OO.Api.Me;
using OO.Testing;

namespace OO.Tests.Api;

/// <summary>Whatever a caller sends wrong gets a 4xx problem response and changes nothing.</summary>
public sealed class ProblemResponseTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private const string ProblemJson = "application/problem+json";

    [Theory]
    [InlineData("/api/tip")]
    [InlineData("/api/me")]
    public async Task Anonymous_callers_get_401_problem_from_the_api(string path)
    {
        var response = await fixture.Host.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anonymous_feedback_is_refused_with_401()
    {
        var response = await fixture.Host.CreateClient().PostAsJsonAsync("/api/tips/abc/feedback", new { reaction = "done", dwellMs = 1 });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_and_changes_nothing()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var tip = await TipRoundTripTests.NextTipAsync(client);

        var response = await client.PostAsync(
            $"/api/tips/{tip.TipId}/feedback", new StringContent("{\"reaction\": \"done\",", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        await AssertNoReactionsAsync(client);
    }

    [Theory]
    [InlineData("{\"reaction\": \"love\", \"dwellMs\": 10}", "reaction")]
    [InlineData("{\"reaction\": \"1\", \"dwellMs\": 10}", "reaction")]
    [InlineData("{\"dwellMs\": 10}", "reaction")]
    [InlineData("{\"reaction\": \"done\", \"dwellMs\": -5}", "dwellMs")]
    public async Task Invalid_feedback_gets_400_naming_the_field(string body, string field)
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var tip = await TipRoundTripTests.NextTipAsync(client);

        var response = await client.PostAsync($"/api/tips/{tip.TipId}/feedback", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
        await AssertNoReactionsAsync(client);
    }

    [Fact]
    public async Task Feedback_for_an_unknown_tip_gets_404_problem()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var response = await client.PostAsJsonAsync("/api/tips/no-such-tip/feedback", new { reaction = "done", dwellMs = 1000 });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        await AssertNoReactionsAsync(client);
    }

    [Fact]
    public async Task A_second_reaction_to_the_same_tip_gets_409_and_is_not_counted()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var tip = await TipRoundTripTests.NextTipAsync(client);
        (await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 1000 })).EnsureSuccessStatusCode();

        var again = await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "dismiss", dwellMs = 1000 });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal((1, 0), (me!.Stats.Done, me.Stats.Dismissed));
    }

    [Fact]
    public async Task A_form_post_instead_of_json_gets_415()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var response = await client.PostAsync(
            "/api/tips/x/feedback", new FormUrlEncodedContent(new Dictionary<string, string> { ["reaction"] = "done" }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{\"email\": \"not-an-email\"}")]
    [InlineData("{\"email\": \"\"}")]
    [InlineData("{}")]
    public async Task Dev_sign_in_with_a_bad_email_gets_400(string body)
    {
        var response = await fixture.Host.CreateClient().PostAsync("/auth/dev", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task AssertNoReactionsAsync(HttpClient client)
    {
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal(0, me!.Stats.Done + me.Stats.Snoozed + me.Stats.Dismissed);
    }
}
