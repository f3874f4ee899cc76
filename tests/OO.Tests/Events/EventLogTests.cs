using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using OO.Api.Admin;
using OO.Api.Me;
using OO.Grains.Events;
using OO.Grains.Interfaces.Events;
using OO.Grains.Interfaces.Users;
using OO.Testing;
using OO.Tests.Api;

namespace OO.Tests.Events;

/// <summary>The event log on the embedded host: published where things happen, read by filter, tailed live, replayed.</summary>
public sealed class EventLogTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private const string Admin = "root@example.com";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task A_tip_round_trip_publishes_connected_synced_served_and_feedback_without_task_text()
    {
        var (user, userId) = await NewUserAsync();
        var tip = await TipRoundTripTests.NextTipAsync(user);
        (await user.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 30_000 })).EnsureSuccessStatusCode();
        var admin = await fixture.Host.SignInAsync(Admin);

        var connected = await EventApi.AwaitAsync(admin, userId, EventSubjects.IntegrationConnected);
        Assert.Equal("demo", connected.Payload.GetProperty("provider").GetString());
        var synced = await EventApi.AwaitAsync(admin, userId, EventSubjects.TaskSynced);
        Assert.Equal("demo", synced.Payload.GetProperty("provider").GetString());
        Assert.True(synced.Payload.GetProperty("version").GetInt64() >= 1);
        Assert.True(synced.Payload.GetProperty("taskCount").GetInt32() > 0);
        var served = await EventApi.AwaitAsync(admin, userId, EventSubjects.TipServed);
        Assert.Equal(tip.TipId, served.Payload.GetProperty("tipId").GetString());
        Assert.Equal("task", served.Payload.GetProperty("kind").GetString());
        var feedback = await EventApi.AwaitAsync(admin, userId, EventSubjects.TipFeedback);
        Assert.Equal((tip.TipId, "done", 1.0), (
            feedback.Payload.GetProperty("tipId").GetString(), feedback.Payload.GetProperty("reaction").GetString(), feedback.Payload.GetProperty("reward").GetDouble()));

        var all = await EventApi.QueryAsync(admin, $"user={userId}");
        Assert.All(all, e => Assert.Equal(userId, e.UserId));
        Assert.DoesNotContain(all, e => e.Payload.GetRawText().Contains(tip.Content, StringComparison.Ordinal));
        Assert.Equal(all.Select(e => e.Id).OrderDescending(), all.Select(e => e.Id));
    }

    [Fact]
    public async Task A_task_done_in_its_source_and_a_disconnect_are_published()
    {
        var (user, userId) = await NewUserAsync();
        await TipRoundTripTests.NextTipAsync(user);
        var grain = fixture.Host.Grains.GetGrain<IUserGrain>(userId);
        var current = (await grain.GetTip())!;
        Assert.True(await grain.CompletedInSource(current.Source, current.SourceRef));
        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteAsync("/api/integrations/demo")).StatusCode);
        var admin = await fixture.Host.SignInAsync(Admin);

        var completed = await EventApi.AwaitAsync(admin, userId, EventSubjects.TipCompletedInSource);
        Assert.Equal((current.TipId, 0.5), (completed.Payload.GetProperty("tipId").GetString(), completed.Payload.GetProperty("reward").GetDouble()));
        var disconnected = await EventApi.AwaitAsync(admin, userId, EventSubjects.IntegrationDisconnected);
        Assert.Equal("demo", disconnected.Payload.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task An_audited_admin_write_is_mirrored_as_an_admin_action_and_the_audit_row_stays()
    {
        var (_, userId) = await NewUserAsync();
        var admin = await fixture.Host.SignInAsync(Admin);
        var adminId = (await admin.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{userId}/reset-bandit", JsonContent.Create(new { }))).StatusCode);

        var action = await EventApi.AwaitAsync(admin, userId, EventSubjects.AdminAction);
        Assert.Equal((adminId, "bandit.reset", userId), (
            action.Payload.GetProperty("actor").GetString(), action.Payload.GetProperty("action").GetString(), action.Payload.GetProperty("target").GetString()));
        Assert.Equal(1, await AnalyticsRows.CountAsync(fixture.Settings, "oo_audit", $"target = '{userId}' AND action = 'bandit.reset'"));
    }

    [Fact]
    public async Task The_history_filters_by_subject_prefix_user_time_and_limit()
    {
        var (user, userId) = await NewUserAsync();
        var (_, otherId) = await NewUserAsync();
        var tip = await TipRoundTripTests.NextTipAsync(user);
        (await user.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "snooze", dwellMs = 1_000 })).EnsureSuccessStatusCode();
        var admin = await fixture.Host.SignInAsync(Admin);
        var feedback = await EventApi.AwaitAsync(admin, userId, EventSubjects.TipFeedback);
        await EventApi.AwaitAsync(admin, otherId, EventSubjects.IntegrationConnected);

        var signals = await EventApi.QueryAsync(admin, $"user={userId}&subject=signals.");
        Assert.NotEmpty(signals);
        Assert.All(signals, e => Assert.StartsWith("signals.", e.Subject, StringComparison.Ordinal));
        Assert.Contains(signals, e => e.Subject == EventSubjects.TipServed);
        Assert.Single(await EventApi.QueryAsync(admin, $"user={userId}&subject=signals.tip.feedback"));
        Assert.DoesNotContain(await EventApi.QueryAsync(admin, $"subject=integration.&limit=1000"), e => e.UserId is null);
        Assert.Single(await EventApi.QueryAsync(admin, $"user={userId}&limit=1"));

        var at = Uri.EscapeDataString(feedback.At.ToString("O"));
        var since = await EventApi.QueryAsync(admin, $"user={userId}&since={at}");
        Assert.All(since, e => Assert.True(e.At >= feedback.At));
        Assert.Contains(since, e => e.Id == feedback.Id);
        var until = await EventApi.QueryAsync(admin, $"user={userId}&until={at}");
        Assert.NotEmpty(until);
        Assert.All(until, e => Assert.True(e.At < feedback.At));
    }

    [Fact]
    public async Task The_live_tail_shows_a_reaction_within_two_seconds()
    {
        var (user, userId) = await NewUserAsync();
        var tip = await TipRoundTripTests.NextTipAsync(user);
        var admin = await fixture.Host.SignInAsync(Admin);
        await using var stream = await EventStream.OpenAsync(admin, $"user={userId}&subject=signals.tip.&after=0");
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        // Proves the tail is reading before the reaction: the served event is already stored.
        await stream.WaitForAsync(e => e.Subject == EventSubjects.TipServed, TimeSpan.FromSeconds(20));

        var reactedAt = Stopwatch.GetTimestamp();
        (await user.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "dismiss", dwellMs = 700 })).EnsureSuccessStatusCode();
        var (shown, arrivedAt) = await stream.WaitForAsync(e => e.Subject == EventSubjects.TipFeedback, TimeSpan.FromSeconds(10));

        Assert.Equal(tip.TipId, shown.Payload.GetProperty("tipId").GetString());
        Assert.InRange(Stopwatch.GetElapsedTime(reactedAt, arrivedAt), TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Replaying_a_reaction_whose_fold_was_lost_folds_it_once_and_each_replay_is_audited()
    {
        var (user, userId) = await NewUserAsync();
        var tip = await TipRoundTripTests.NextTipAsync(user);
        var admin = await fixture.Host.SignInAsync(Admin);
        // The event of a reaction the grain never folded (as if its process died between the two).
        fixture.Host.Services.GetRequiredService<IEventSink>().Publish(EventPayload.Create(
            EventSubjects.TipFeedback, userId, DateTimeOffset.UtcNow, new TipFeedbackPayload(tip.TipId, "done", 12_000, 1.0)));
        var lost = await EventApi.AwaitAsync(admin, userId, EventSubjects.TipFeedback);

        var first = await Replay(admin, lost.Id);
        var second = await Replay(admin, lost.Id);

        Assert.Equal(ReplayStatus.Replayed, first.Status);
        Assert.Equal(ReplayStatus.AlreadyApplied, second.Status);
        var me = await user.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal(1, me!.Stats.Done);
        Assert.Equal(1, (await fixture.Host.Grains.GetGrain<IUserGrain>(userId).GetAdminView())!.ModelUpdates);
        Assert.Equal(2, await AnalyticsRows.CountAsync(fixture.Settings, "oo_audit", $"target = '{userId}' AND action = 'event.replay'"));
        await Eventually.True(
            async () => (await EventApi.QueryAsync(admin, $"user={userId}&subject=admin.action")).Count(e => e.Payload.GetProperty("action").GetString() == "event.replay") == 2,
            TimeSpan.FromSeconds(20),
            "two replay admin actions");
    }

    [Fact]
    public async Task Replaying_a_snapshot_the_user_has_changes_nothing_and_other_subjects_are_not_replayable()
    {
        var (user, userId) = await NewUserAsync();
        await TipRoundTripTests.NextTipAsync(user);
        var admin = await fixture.Host.SignInAsync(Admin);
        var synced = await EventApi.AwaitAsync(admin, userId, EventSubjects.TaskSynced);
        var served = await EventApi.AwaitAsync(admin, userId, EventSubjects.TipServed);
        var before = (await user.GetFromJsonAsync<MeResponse>("/api/me"))!.Stats;

        Assert.Equal(ReplayStatus.AlreadyApplied, (await Replay(admin, synced.Id)).Status);
        Assert.Equal(ReplayStatus.NotReplayable, (await Replay(admin, served.Id)).Status);
        Assert.Equal(before, (await user.GetFromJsonAsync<MeResponse>("/api/me"))!.Stats);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/admin/events/{long.MaxValue}/replay", JsonContent.Create(new { }))).StatusCode);
    }

    [Theory]
    [InlineData("subject=nothing.like.this")]
    [InlineData("since=yesterday")]
    [InlineData("until=2026-01-01T00:00:00Z&since=2026-02-01T00:00:00Z")]
    [InlineData("limit=0")]
    [InlineData("limit=100000")]
    public async Task Bad_filters_are_a_400_problem(string query)
    {
        var admin = await fixture.Host.SignInAsync(Admin);

        var history = await admin.GetAsync($"/api/admin/events?{query}");
        var stream = await admin.GetAsync($"/api/admin/events/stream?{query}&after=x", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.BadRequest, history.StatusCode);
        Assert.Equal("application/problem+json", history.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, stream.StatusCode);
    }

    [Fact]
    public async Task People_who_are_not_admins_get_403_and_strangers_401()
    {
        var (user, _) = await NewUserAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/admin/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/admin/events/stream", HttpCompletionOption.ResponseHeadersRead)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsync("/api/admin/events/1/replay", JsonContent.Create(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Host.CreateClient().GetAsync("/api/admin/events")).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_account_deletes_its_events()
    {
        var (user, userId) = await NewUserAsync();
        await TipRoundTripTests.NextTipAsync(user);
        var admin = await fixture.Host.SignInAsync(Admin);
        await EventApi.AwaitAsync(admin, userId, EventSubjects.TipServed);

        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteAsync("/api/me")).StatusCode);

        Assert.Equal(0, await AnalyticsRows.CountAsync(fixture.Settings, "oo_events", $"user_id = '{userId}'"));
    }

    private static async Task<ReplayResult> Replay(HttpClient admin, long id)
    {
        var response = await admin.PostAsync($"/api/admin/events/{id}/replay", JsonContent.Create(new { }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ReplayResult>(Json))!;
    }

    private async Task<(HttpClient Client, string UserId)> NewUserAsync()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        return (client, me!.UserId);
    }
}
