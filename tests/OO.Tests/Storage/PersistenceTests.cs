using System.Net;
using System.Net.Http.Json;
using OO.Api.Me;
using OO.Api.Tips;
using OO.Grains.Interfaces.Integrations;
using OO.Testing;
using OO.Tests.Infrastructure;
using Orleans.Runtime;

namespace OO.Tests.Storage;

/// <summary>Grain state and reminders outlive activations and processes, on both storage engines.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PersistenceTests(PostgresServer postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly StorageEngine _storage = new(postgres);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_reaction_survives_deactivation_of_every_grain(string engine)
    {
        var settings = await _storage.FreshAsync(engine);
        await using var host = await OOTestHost.StartAsync(settings);
        var client = await host.SignInAsync("grace@example.com");
        var tip = await FirstTipAsync(client);
        (await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "snooze", dwellMs = 4000 })).EnsureSuccessStatusCode();

        await host.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal(1, me!.Stats.TipsServed);
        Assert.Equal(1, me.Stats.Snoozed);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_reaction_and_the_session_survive_a_full_restart(string engine)
    {
        var settings = await _storage.FreshAsync(engine);
        var cookies = new CookieContainer();
        string tipId;
        await using (var first = await OOTestHost.StartAsync(settings))
        {
            var client = await first.SignInAsync("alan@example.com", cookies);
            var tip = await FirstTipAsync(client);
            tipId = tip.TipId;
            (await client.PostAsJsonAsync($"/api/tips/{tipId}/feedback", new { reaction = "done", dwellMs = 30_000 })).EnsureSuccessStatusCode();
        }

        await using var second = await OOTestHost.StartAsync(settings);
        // Cookies are scoped to the host, not the port: the same browser, a new process.
        var again = second.CreateClient(cookies);
        var me = await again.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal("alan@example.com", me!.Email);
        Assert.Equal(1, me.Stats.Done);

        // The reaction survived the restart: a different one is refused, the same one counts no second time.
        var other = await again.PostAsJsonAsync($"/api/tips/{tipId}/feedback", new { reaction = "dismiss", dwellMs = 1 });
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        (await again.PostAsJsonAsync($"/api/tips/{tipId}/feedback", new { reaction = "done", dwellMs = 1 })).EnsureSuccessStatusCode();
        Assert.Equal(1, (await again.GetFromJsonAsync<MeResponse>("/api/me"))!.Stats.Done);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_poll_reminder_survives_a_restart_and_fires(string engine)
    {
        var settings = await _storage.FreshAsync(engine);
        settings["OO:Reminders:MinimumPeriod"] = "00:00:01";
        settings["OO:Demo:PollInterval"] = "00:00:02";
        string userId;
        await using (var first = await OOTestHost.StartAsync(settings))
        {
            var client = await first.SignInAsync("ada@example.com");
            userId = (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        }

        var restartedAt = DateTimeOffset.UtcNow;
        await using var second = await OOTestHost.StartAsync(settings);
        var integration = second.Grains.GetIntegrationGrain(userId, "demo");

        var status = await Eventually.Get(
            async () => await integration.GetStatus() is { LastSyncAt: { } at } s && at > restartedAt ? s : null,
            Patience,
            "the demo poll reminder to fire after the restart");
        Assert.True(status.Connected);
        Assert.True(status.SyncCount >= 2);
    }

    private static async Task<TipResponse> FirstTipAsync(HttpClient client) =>
        await Eventually.Get(
            async () =>
            {
                var response = await client.GetAsync("/api/tip");
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<TipResponse>() : null;
            },
            Patience,
            "the first demo tip");
}
