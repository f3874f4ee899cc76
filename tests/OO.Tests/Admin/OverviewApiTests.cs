using System.Net;
using System.Net.Http.Json;
using OO.Admin.Data.Overview;
using OO.Admin.Data.Users;
using OO.Api.Me;
using OO.Testing;
using OO.Tests.Infrastructure;

namespace OO.Tests.Admin;

/// <summary>
/// Every number of the console's overview, and the users directory, against a seeded world whose answers are
/// known, on both engines; only admins get them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OverviewApiTests(PostgresServer postgres)
{
    private readonly StorageEngine _storage = new(postgres);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_overview_counts_what_happened_in_the_range(string engine)
    {
        var (host, settings, admin) = await StartAsync(engine);
        await using var _ = host;
        var world = new AdminWorld(settings);
        // Signed up in the range: u1 (a source, a tip, done), u2 (a source, tips, no done), u3 (nothing).
        await world.UserAsync("u1", "one@example.com", "2026-03-02T09:00:00Z", "todoist");
        await world.UserAsync("u2", "two@example.com", "2026-03-05T09:00:00Z", "todoist");
        await world.UserAsync("u3", "three@example.com", "2026-03-08T09:00:00Z");
        // Signed up before it.
        await world.UserAsync("u4", "four@example.com", "2026-02-01T09:00:00Z", "demo");
        await world.UserAsync("u5", "five@example.com", "2026-02-01T09:00:00Z", "demo");
        await world.TipAsync("t1", "u1", "2026-03-10T10:00:00Z", "done", "2026-03-10T10:05:00Z");
        await world.TipAsync("t7", "u1", "2026-03-11T00:00:00Z");
        await world.TipAsync("t2", "u2", "2026-03-06T08:00:00Z", "snooze", "2026-03-06T08:01:00Z");
        await world.TipAsync("t3", "u2", "2026-03-09T08:00:00Z", "dismiss", "2026-03-09T08:01:00Z");
        await world.TipAsync("t4", "u4", "2026-02-20T08:00:00Z", "done", "2026-02-20T08:01:00Z");
        await world.TipAsync("t5", "u4", "2026-03-01T00:00:00Z", "completed-in-source", "2026-03-02T12:00:00Z");
        await world.TipAsync("t6", "u5", "2026-02-25T08:00:00Z", "done", "2026-03-05T08:00:00Z");
        await world.PushAsync("u1", "2026-03-10T09:00:00Z", "sent");
        await world.PushAsync("u1", "2026-03-10T09:30:00Z", "sent");
        await world.PushAsync("u1", "2026-03-10T09:31:00Z", "opened");
        await world.PushAsync("u2", "2026-03-03T09:00:00Z", "sent");
        await world.PushAsync("u2", "2026-03-11T09:00:00Z", "sent");

        var report = (await admin.GetFromJsonAsync<OverviewReport>($"/api/admin/overview?from={AdminWorld.DayText("2026-03-01")}&to={AdminWorld.DayText("2026-03-10")}"))!;

        Assert.Equal((1L, 3L, 4L), (report.Dau, report.Wau, report.Mau));
        Assert.Equal(4, report.TipsServed);
        Assert.Equal(
            new Dictionary<string, long> { ["completed-in-source"] = 1, ["dismiss"] = 1, ["done"] = 2, ["snooze"] = 1 },
            report.Reactions.ToDictionary());
        Assert.Equal(0.5, report.DoneRate);
        Assert.Equal(new ActivationFunnel(SignedUp: 3, ConnectedSource: 2, FirstTip: 2, FirstDone: 1), report.Funnel);
        Assert.Equal((3L, 1L), (report.PushesSent, report.PushesOpened));
        Assert.Equal(10, report.Days.Count);
        Assert.Equal(new OverviewDay(AdminWorld.Day("2026-03-01"), ActiveUsers: 1, TipsServed: 1, Done: 1, PushesSent: 0, PushesOpened: 0), report.Days[0]);
        Assert.Equal(new OverviewDay(AdminWorld.Day("2026-03-10"), ActiveUsers: 1, TipsServed: 1, Done: 1, PushesSent: 2, PushesOpened: 1), report.Days[^1]);
        Assert.Equal(new OverviewDay(AdminWorld.Day("2026-03-06"), ActiveUsers: 1, TipsServed: 1, Done: 0, PushesSent: 0, PushesOpened: 0), report.Days[5]);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_directory_finds_people_by_email_or_id_and_pages_through_them(string engine)
    {
        var (host, settings, admin) = await StartAsync(engine);
        await using var _ = host;
        var world = new AdminWorld(settings);
        await world.UserAsync("u2", "Two@Example.com", "2026-03-05T09:00:00Z", "todoist", "demo");
        await world.TipAsync("t2", "u2", "2026-03-06T08:00:00Z", "done", "2026-03-06T08:01:00Z");
        await world.TipAsync("t3", "u2", "2026-03-09T08:00:00Z", "dismiss", "2026-03-09T08:01:00Z");
        for (var i = 0; i < 30; i++)
        {
            await world.UserAsync($"p{i:00}", $"person{i:00}@example.org", $"2026-01-{i + 1:00}T00:00:00Z");
        }

        var byEmail = (await admin.GetFromJsonAsync<UserPage>("/api/admin/users?q=two%40example"))!;
        var byId = (await admin.GetFromJsonAsync<UserPage>("/api/admin/users?q=p07"))!;
        var first = (await admin.GetFromJsonAsync<UserPage>("/api/admin/users?q=example.org"))!;
        var second = (await admin.GetFromJsonAsync<UserPage>("/api/admin/users?q=example.org&page=2"))!;

        var two = Assert.Single(byEmail.Users);
        Assert.Equal("u2", two.UserId);
        Assert.Equal(["demo", "todoist"], two.Sources);
        Assert.Equal((AdminWorld.At("2026-03-09T08:00:00Z"), 2L, 0.5), (two.LastTipAt, two.TipsServed, two.DoneRate));
        Assert.Equal("person07@example.org", Assert.Single(byId.Users).Email);
        Assert.Equal((25, true), (first.Users.Count, first.HasMore));
        Assert.Equal((5, false), (second.Users.Count, second.HasMore));
        Assert.Equal("p29", first.Users[0].UserId);
        Assert.Equal("p00", second.Users[^1].UserId);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Signing_up_enters_the_directory_and_deleting_the_account_erases_it(string engine)
    {
        var (host, settings, _) = await StartAsync(engine);
        await using var __ = host;
        var email = EmbeddedHostFixture.NewEmail();
        var person = await host.SignInAsync(email);
        var userId = (await person.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;

        await Eventually.True(
            async () => await AnalyticsRows.CountAsync(settings, "oo_users", $"user_id = '{userId}' AND email = '{email}'") == 1
                && await AnalyticsRows.CountAsync(settings, "oo_user_sources", $"user_id = '{userId}' AND source = 'demo' AND connected = 1") == 1,
            TimeSpan.FromSeconds(10), "the new person's directory row");
        Assert.Equal(HttpStatusCode.NoContent, (await person.DeleteAsync("/api/me")).StatusCode);

        Assert.Equal(0, await AnalyticsRows.CountAsync(settings, "oo_users", $"user_id = '{userId}'"));
        Assert.Equal(0, await AnalyticsRows.CountAsync(settings, "oo_user_sources", $"user_id = '{userId}'"));
    }

    [Fact]
    public async Task Only_admins_get_the_console_and_bad_ranges_are_refused()
    {
        var (host, _, admin) = await StartAsync("sqlite");
        await using var _ = host;
        var other = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var stranger = host.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/admin/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/admin/overview")).StatusCode);
        Assert.Equal("/signin", (await stranger.GetAsync("/admin/users")).Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/admin/overview?from=2026-03-10&to=2026-03-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/admin/overview?from=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/admin/users?page=0")).StatusCode);
    }

    private async Task<(OOTestHost Host, Dictionary<string, string?> Settings, HttpClient Admin)> StartAsync(string engine)
    {
        var settings = await _storage.FreshAsync(engine);
        settings["OO:Auth:FirstUserIsAdmin"] = "true";
        var host = await OOTestHost.StartAsync(settings);
        return (host, settings, await host.SignInAsync(EmbeddedHostFixture.NewEmail()));
    }
}
