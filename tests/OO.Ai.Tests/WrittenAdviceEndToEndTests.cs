using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OO.Grains.Interfaces.Admin;
using OO.Testing;
using OO.Testing.StandIns.Chat;

namespace OO.Ai.Tests;

/// <summary>
/// Issue 11's "done when", through the whole process: with an endpoint configured, a person who just signed in sees
/// advice written by the model among their tips within a minute, labelled as advice, and their reaction to it
/// teaches their bandit.
/// </summary>
public sealed class WrittenAdviceEndToEndTests
{
    private const string Advice = "Stretch for two minutes before you sit down again.";

    [Fact]
    public async Task A_new_person_is_served_written_advice_within_a_minute_and_their_reaction_trains_the_bandit()
    {
        await using var model = await ChatCompletionsStandIn.StartAsync();
        model.Default = ChatReply.Tips((Advice, "advice", null, 0.7));
        await using var oo = await OOTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-ai-e2e-{Guid.NewGuid():N}"),
            ["OO:AI:Endpoint"] = model.Endpoint,
            ["OO:AI:Model"] = "llama3.2",
        });
        var email = $"advice-{Guid.NewGuid():N}@example.com";
        var person = await oo.SignInAsync(email);
        var userId = (await person.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("userId").GetString()!;

        // The demo's tasks come first; each is put aside until the advice, written in the background, is the tip.
        var advice = await Eventually.Get(async () =>
        {
            var response = await person.GetAsync("/api/tip");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var tip = (await response.Content.ReadFromJsonAsync<TipSeen>())!;
            if (tip.Kind == "advice")
            {
                return tip;
            }

            await React(person, tip, "dismiss");
            return null;
        }, TimeSpan.FromMinutes(1), "written advice served as a tip");

        Assert.Equal(Advice, advice.Content);
        Assert.Equal("ai", advice.Source);
        var asked = Assert.Single(model.Requests);
        Assert.Equal("llama3.2", asked.Model);
        Assert.DoesNotContain(email, asked.AllText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(userId, asked.AllText, StringComparison.Ordinal);

        var admin = oo.Grains.GetGrain<IUserAdmin>(userId);
        var before = (await admin.GetAdminView())!.ModelUpdates;
        await React(person, advice, "done");
        Assert.Equal(before + 1, (await admin.GetAdminView())!.ModelUpdates);
    }

    private static async Task React(HttpClient person, TipSeen tip, string reaction)
    {
        var response = await person.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction, dwellMs = 4_000 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed record TipSeen(string TipId, string Content, string Kind, string Source);
}
