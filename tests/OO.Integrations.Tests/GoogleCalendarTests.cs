using System.Net;
using System.Net.Http.Json;
using OO.Api.Me;
using OO.Integrations.Tests.Infrastructure;
using OO.Testing;
using OO.Testing.StandIns;

namespace OO.Integrations.Tests;

/// <summary>
/// Issue 14: Google Calendar as a second source, against the Google stand-in: connecting, incremental syncs (recurring
/// instances, cancellations, paging), a full re-sync after 410 Gone, a 429, and disconnecting (revoke, delete).
/// </summary>
public sealed class GoogleCalendarTests
{
    [Fact]
    public async Task Connecting_syncs_the_coming_days_and_disconnecting_revokes_and_deletes_them()
    {
        await using var env = await CalendarEnvironment.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var review = env.StandIn.AddEvent("Design review", now.AddHours(3), TimeSpan.FromHours(1), attendees: 2);
        var standup = env.StandIn.AddEvent("Standup", now.AddHours(1), TimeSpan.FromMinutes(15), dailyInstances: 3);
        env.StandIn.AddEvent("Offsite", now.AddDays(10), TimeSpan.FromHours(8), attendees: 5);
        var dropped = env.StandIn.AddEvent("Dentist", now.AddHours(5), TimeSpan.FromHours(1), description: "Bring the card");
        env.StandIn.CancelEvent(dropped);
        var client = await env.SignInAsync();
        Assert.Equal("disconnected", (await CalendarEnvironment.CalendarAsync(client))!.Status);

        await env.ConnectAsync(client);

        var entries = await env.EntriesAsync(client, e => e.Count == 4, "the review and three standups");
        var authorize = Assert.Single(env.StandIn.AuthorizeQueries);
        Assert.Equal(("offline", "true"), (authorize["access_type"], authorize["include_granted_scopes"]));
        Assert.Equal("https://www.googleapis.com/auth/calendar.readonly", authorize["scope"]);
        Assert.Equal("Design review", Assert.Single(entries, e => e.SourceRef == review).ReminderTitle);
        Assert.All(entries.Where(e => e.SourceRef != review), e => Assert.Null(e.ReminderTitle));
        Assert.All(entries, e => Assert.True(e.Busy));
        // The first listing is complete, windowed and expanded, read over pages of two.
        Assert.Contains("timeMin=", env.StandIn.EventQueries[0], StringComparison.Ordinal);
        Assert.Contains("singleEvents=true", env.StandIn.EventQueries[0], StringComparison.Ordinal);
        Assert.Contains(env.StandIn.EventQueries, q => q.Contains("pageToken=", StringComparison.Ordinal));
        Assert.Equal("connected", (await CalendarEnvironment.CalendarAsync(client))!.Status);

        env.StandIn.CancelInstance(GoogleCalendarStandIn.InstanceId(standup, now.AddHours(1).AddDays(1)));
        entries = await env.EntriesAsync(client, e => e.Count == 3, "the cancelled standup gone");
        Assert.Contains(env.StandIn.EventQueries, q => q.Contains("syncToken=", StringComparison.Ordinal));
        Assert.Equal(0, env.StandIn.GoneAnswers);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/integrations/{CalendarEnvironment.Provider}")).StatusCode);

        await Eventually.True(() => Task.FromResult(env.StandIn.Revoked.Count > 0), CalendarEnvironment.Patience, "the revoke request");
        Assert.StartsWith("refresh-", Assert.Single(env.StandIn.Revoked), StringComparison.Ordinal);
        Assert.Empty(await env.EntriesAfterNudgeAsync(client));
        Assert.Equal("disconnected", (await CalendarEnvironment.CalendarAsync(client))!.Status);
    }

    [Fact]
    public async Task An_expired_sync_token_brings_a_full_resync()
    {
        await using var env = await CalendarEnvironment.StartAsync();
        var now = DateTimeOffset.UtcNow;
        env.StandIn.AddEvent("Planning", now.AddHours(2), TimeSpan.FromHours(1), attendees: 3);
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        await env.EntriesAsync(client, e => e.Count == 1, "the planning");
        await env.EntriesAsync(client, _ => env.StandIn.EventQueries.Any(q => q.Contains("syncToken=", StringComparison.Ordinal)), "an incremental sync");

        env.StandIn.ExpireSyncTokens();
        env.StandIn.AddEvent("Retro", now.AddHours(4), TimeSpan.FromHours(1), description: "What went well");

        var entries = await env.EntriesAsync(client, e => e.Count == 2, "the retro after a full re-sync");
        Assert.True(env.StandIn.GoneAnswers >= 1);
        Assert.Contains("Retro", entries.Select(e => e.ReminderTitle));
        Assert.Null((await CalendarEnvironment.CalendarAsync(client))!.LastError);
    }

    [Fact]
    public async Task A_refused_sync_token_brings_a_full_resync()
    {
        await using var env = await CalendarEnvironment.StartAsync();
        var now = DateTimeOffset.UtcNow;
        env.StandIn.AddEvent("Planning", now.AddHours(2), TimeSpan.FromHours(1), attendees: 3);
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        await env.EntriesAsync(client, e => e.Count == 1, "the planning");
        await env.EntriesAsync(client, _ => env.StandIn.EventQueries.Any(q => q.Contains("syncToken=", StringComparison.Ordinal)), "an incremental sync");

        env.StandIn.RejectSyncTokens();
        env.StandIn.AddEvent("Retro", now.AddHours(4), TimeSpan.FromHours(1), description: "What went well");

        var entries = await env.EntriesAsync(client, e => e.Count == 2, "the retro after a full re-sync");
        Assert.True(env.StandIn.RejectedSyncTokens >= 1);
        Assert.Contains("Retro", entries.Select(e => e.ReminderTitle));
        Assert.Null((await CalendarEnvironment.CalendarAsync(client))!.LastError);
    }

    [Fact]
    public async Task Connecting_another_google_account_drops_the_first_accounts_events()
    {
        await using var env = await CalendarEnvironment.StartAsync();
        var now = DateTimeOffset.UtcNow;
        env.StandIn.AddEvent("Salary talk", now.AddHours(2), TimeSpan.FromHours(1), attendees: 2);
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        await env.EntriesAsync(client, e => e.Count == 1, "the first account's event");
        await env.EntriesAsync(client, _ => env.StandIn.EventQueries.Any(q => q.Contains("syncToken=", StringComparison.Ordinal)), "an incremental sync");

        env.StandIn.SwitchAccount("someone-else@example.test");
        env.StandIn.AddEvent("Team lunch", now.AddHours(3), TimeSpan.FromHours(1), attendees: 4);
        await env.ConnectAsync(client);

        // Only the second account's event: the first account's sync token would have kept the first's events.
        var entries = await env.EntriesAsync(client, e => e.Count == 1 && e[0].ReminderTitle == "Team lunch", "only the second account's event");
        Assert.Equal("Team lunch", Assert.Single(entries).ReminderTitle);
    }

    [Fact]
    public async Task Calendar_syncs_and_failures_are_events_with_counts_and_reasons_but_no_titles()
    {
        await using var env = await CalendarEnvironment.StartAsync();
        env.StandIn.AddEvent("Salary talk", DateTimeOffset.UtcNow.AddHours(2), TimeSpan.FromHours(1), attendees: 1);
        var client = await env.SignInAsync();
        var userId = (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        await env.ConnectAsync(client);
        await env.EntriesAsync(client, e => e.Count == 1, "the salary talk");

        var synced = await Eventually.Get(
            async () => (await AnalyticsRows.ReadAsync(env.Settings,
                $"SELECT payload_json FROM oo_events WHERE user_id = '{userId}' AND subject = 'signals.task.synced'")).FirstOrDefault(),
            CalendarEnvironment.Patience,
            "the calendar's sync event");
        Assert.Contains("\"provider\":\"google-calendar\"", synced, StringComparison.Ordinal);
        Assert.Contains("\"entryCount\":1", synced, StringComparison.Ordinal);
        Assert.DoesNotContain("Salary", synced, StringComparison.Ordinal);

        env.StandIn.RateLimitNext(1, "600", "/calendar/v3/calendars/primary/events");
        var failed = await Eventually.Get(
            async () =>
            {
                await client.GetAsync("/api/tip");
                return (await AnalyticsRows.ReadAsync(env.Settings,
                    $"SELECT payload_json FROM oo_events WHERE user_id = '{userId}' AND subject = 'integration.failed'")).FirstOrDefault();
            },
            CalendarEnvironment.Patience,
            "the integration.failed event");
        Assert.Contains("\"reason\":\"RateLimited\"", failed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_waited_out_and_said_on_the_connect_page()
    {
        await using var env = await CalendarEnvironment.StartAsync();
        env.StandIn.AddEvent("Planning", DateTimeOffset.UtcNow.AddHours(2), TimeSpan.FromHours(1));
        var client = await env.SignInAsync();
        await env.ConnectAsync(client);
        await env.EntriesAsync(client, e => e.Count == 1, "the planning");

        env.StandIn.RateLimitNext(1, "600", "/calendar/v3/calendars/primary/events");
        env.StandIn.AddEvent("Retro", DateTimeOffset.UtcNow.AddHours(4), TimeSpan.FromHours(1));

        var status = await Eventually.Get(
            async () =>
            {
                await client.GetAsync("/api/tip");
                return await CalendarEnvironment.CalendarAsync(client) is { LastError: { } } body ? body : null;
            },
            CalendarEnvironment.Patience,
            "the rate limit in the status");
        Assert.Contains("slow down", status.LastError, StringComparison.Ordinal);
        Assert.Equal("connected", status.Status);
    }

    [Theory]
    [InlineData("<html>Service temporarily unavailable</html>")]
    [InlineData("[]")]
    [InlineData("""{"authorization_endpoint":"http://accounts.example.test/auth","token_endpoint":"http://accounts.example.test/token","revocation_endpoint":"http://accounts.example.test/revoke"}""")]
    public async Task A_broken_or_plain_http_discovery_document_makes_the_connect_page_say_not_offered_until_it_is_mended(string document)
    {
        await using var env = await CalendarEnvironment.StartAsync();
        var client = await env.SignInAsync();
        env.StandIn.DiscoveryDocument = document;

        var connect = await client.GetAsync($"/api/integrations/{CalendarEnvironment.Provider}/connect");

        Assert.Equal(HttpStatusCode.NotFound, connect.StatusCode);
        Assert.Equal("application/problem+json", connect.Content.Headers.ContentType?.MediaType);
        Assert.Empty(env.StandIn.AuthorizeQueries);

        // Not kept as broken: the mended document is read again, and connecting goes through.
        env.StandIn.DiscoveryDocument = null;
        await env.ConnectAsync(client);
    }
}
