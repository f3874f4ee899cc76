using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OO.Api.Me;
using OO.Grains.Interfaces.Events;
using OO.Grains.Interfaces.Users;
using OO.Testing;
using OO.Tests.Api;
using OO.Tests.Infrastructure;
using Orleans.Runtime;

namespace OO.Tests.Events;

/// <summary>The event log on PostgreSQL: the same filters, and a tail on one silo showing what happens on another.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EventLogPostgresTests(PostgresServer postgres)
{
    private const string Admin = "root@example.com";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_history_filters_by_subject_prefix_user_time_and_limit_on_postgres()
    {
        var settings = await Settings();
        await using var host = await OOTestHost.StartAsync(settings);
        var user = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var userId = (await user.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        var tip = await TipRoundTripTests.NextTipAsync(user);
        (await user.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 9_000 })).EnsureSuccessStatusCode();
        var admin = await host.SignInAsync(Admin);

        var feedback = await EventApi.AwaitAsync(admin, userId, EventSubjects.TipFeedback);
        Assert.Equal(tip.TipId, feedback.Payload.GetProperty("tipId").GetString());
        var signals = await EventApi.QueryAsync(admin, $"user={userId}&subject=signals.");
        Assert.Contains(signals, e => e.Subject == EventSubjects.TaskSynced);
        Assert.All(signals, e => Assert.StartsWith("signals.", e.Subject, StringComparison.Ordinal));
        Assert.Single(await EventApi.QueryAsync(admin, $"user={userId}&limit=1"));
        var at = Uri.EscapeDataString(feedback.At.ToString("O"));
        Assert.All(await EventApi.QueryAsync(admin, $"user={userId}&since={at}"), e => Assert.True(e.At >= feedback.At));
        var until = await EventApi.QueryAsync(admin, $"user={userId}&until={at}");
        Assert.NotEmpty(until);
        Assert.DoesNotContain(until, e => e.Id == feedback.Id);
        Assert.Equal(1, await AnalyticsRows.CountAsync(settings, "oo_events", $"user_id = '{userId}' AND payload_json->>'tipId' = '{tip.TipId}' AND subject = 'signals.tip.feedback'"));
    }

    [Fact]
    public async Task A_tail_served_by_one_silo_shows_a_reaction_on_another_within_two_seconds()
    {
        var settings = await Settings();
        await using var a = await OOTestHost.StartAsync(settings);
        await using var b = await OOTestHost.StartAsync(new Dictionary<string, string?>(settings) { ["OO:Cluster:SiloPort"] = FreePort.Next().ToString() });
        await using var c = await OOTestHost.StartAsync(new Dictionary<string, string?>(settings) { ["OO:Cluster:SiloPort"] = FreePort.Next().ToString() });
        await Eventually.True(
            async () => (await a.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count == 3, Patience, "three active silos");

        var user = await b.SignInAsync(EmbeddedHostFixture.NewEmail());
        var userId = (await user.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        var tip = await TipRoundTripTests.NextTipAsync(user);
        // The tail is served by a silo other than the one the user's grain (which publishes the events) lives on.
        var publisher = await a.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(a.Grains.GetGrain<IUserGrain>(userId));
        Assert.NotNull(publisher);
        var tailHost = new[] { a, b, c }.First(h => !h.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Equals(publisher));
        var admin = await tailHost.SignInAsync(Admin);
        await using var stream = await EventStream.OpenAsync(admin, $"user={userId}&after=0");
        await stream.WaitForAsync(e => e.Subject == EventSubjects.TipServed, Patience);

        var reactedAt = Stopwatch.GetTimestamp();
        (await user.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 4_000 })).EnsureSuccessStatusCode();
        var (shown, arrivedAt) = await stream.WaitForAsync(e => e.Subject == EventSubjects.TipFeedback, TimeSpan.FromSeconds(10));

        Assert.Equal(tip.TipId, shown.Payload.GetProperty("tipId").GetString());
        Assert.InRange(Stopwatch.GetElapsedTime(reactedAt, arrivedAt), TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    private async Task<Dictionary<string, string?>> Settings()
    {
        var settings = await new StorageEngine(postgres).FreshAsync("postgres");
        settings["OO:Auth:AdminEmails"] = Admin;
        settings["OO:Auth:FirstUserIsAdmin"] = "false";
        return settings;
    }
}
