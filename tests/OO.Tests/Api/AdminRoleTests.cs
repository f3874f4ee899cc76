using System.Net;
using System.Net.Http.Json;
using OO.Api.Me;
using OO.Testing;
using OO.Tests.Infrastructure;

namespace OO.Tests.Api;

/// <summary>
/// Who administers: the first person to sign in only in Development or by opt-in, never handed on; admin
/// emails re-read on every request; audit rows name the acting admin by user id.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AdminRoleTests(PostgresServer postgres)
{
    private readonly StorageEngine _storage = new(postgres);

    [Theory]
    [InlineData("sqlite", "Production", null, false)]
    [InlineData("sqlite", "Development", null, true)]
    [InlineData("sqlite", "Production", "true", true)]
    [InlineData("postgres", "Development", null, false)]
    [InlineData("postgres", "Production", "true", true)]
    public async Task The_first_person_to_sign_in_administers_only_in_Development_or_by_opt_in(
        string engine, string environment, string? optIn, bool expectAdmin)
    {
        var settings = await _storage.FreshAsync(engine);
        if (optIn is not null)
        {
            settings["OO:Auth:FirstUserIsAdmin"] = optIn;
        }

        var production = environment == "Production";
        if (production)
        {
            // Production needs its public URL; its https makes the cookie Secure, so the clients carry it by hand.
            settings["OO:PublicBaseUrl"] = Hardening.EdgeHost.ProductionPublicUrl;
        }

        await using var host = await OOTestHost.StartAsync(settings, environment: environment);
        Func<string, Task<(HttpClient, string)>> signIn = production ? email => SignInByHandAsync(host, email) : email => SignInAsync(host, email);
        var (first, firstId) = await signIn(EmbeddedHostFixture.NewEmail());

        var admin = await first.GetAsync($"/api/admin/users/{firstId}");

        Assert.Equal(expectAdmin ? HttpStatusCode.OK : HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(expectAdmin, (await first.GetFromJsonAsync<MeResponse>("/api/me"))!.IsAdmin);
        var (second, secondId) = await signIn(EmbeddedHostFixture.NewEmail());
        Assert.Equal(HttpStatusCode.Forbidden, (await second.GetAsync($"/api/admin/users/{secondId}")).StatusCode);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task When_the_first_admin_deletes_their_account_the_next_person_is_not_admin(string engine)
    {
        var settings = await _storage.FreshAsync(engine);
        settings["OO:Auth:FirstUserIsAdmin"] = "true";
        await using var host = await OOTestHost.StartAsync(settings);
        var (first, firstId) = await SignInAsync(host, EmbeddedHostFixture.NewEmail());
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync($"/api/admin/users/{firstId}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await first.DeleteAsync("/api/me")).StatusCode);
        var (next, nextId) = await SignInAsync(host, EmbeddedHostFixture.NewEmail());

        Assert.Equal(HttpStatusCode.Forbidden, (await next.GetAsync($"/api/admin/users/{nextId}")).StatusCode);
        Assert.False((await next.GetFromJsonAsync<MeResponse>("/api/me"))!.IsAdmin);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Admin_emails_are_re_read_on_every_request_without_signing_in_again(string engine)
    {
        var settings = await _storage.FreshAsync(engine);
        const string Removed = "removed-admin@example.com";
        const string Added = "added-admin@example.com";
        var removedCookies = new CookieContainer();
        var addedCookies = new CookieContainer();
        string removedId;
        settings["OO:Auth:AdminEmails"] = Removed;
        await using (var before = await OOTestHost.StartAsync(settings))
        {
            (var removed, removedId) = await SignInAsync(before, Removed, removedCookies);
            Assert.Equal(HttpStatusCode.OK, (await removed.GetAsync($"/api/admin/users/{removedId}")).StatusCode);
            var (added, addedId) = await SignInAsync(before, Added, addedCookies);
            Assert.Equal(HttpStatusCode.Forbidden, (await added.GetAsync($"/api/admin/users/{addedId}")).StatusCode);
        }

        settings["OO:Auth:AdminEmails"] = Added;
        await using var after = await OOTestHost.StartAsync(settings);
        // The same browsers (cookies are scoped to the host, not the port), a restarted process with new admins.
        var demoted = after.CreateClient(removedCookies);
        var promoted = after.CreateClient(addedCookies);

        Assert.Equal(HttpStatusCode.Forbidden, (await demoted.GetAsync($"/api/admin/users/{removedId}")).StatusCode);
        Assert.False((await demoted.GetFromJsonAsync<MeResponse>("/api/me"))!.IsAdmin);
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync($"/api/admin/users/{removedId}")).StatusCode);
        Assert.True((await promoted.GetFromJsonAsync<MeResponse>("/api/me"))!.IsAdmin);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Admin_audit_rows_name_the_acting_admin_by_user_id(string engine)
    {
        var settings = await _storage.FreshAsync(engine);
        const string AdminEmail = "auditor@example.com";
        settings["OO:Auth:AdminEmails"] = AdminEmail;
        await using var host = await OOTestHost.StartAsync(settings);
        var (_, userId) = await SignInAsync(host, EmbeddedHostFixture.NewEmail());
        var (admin, adminId) = await SignInAsync(host, AdminEmail);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/admin/users/{userId}/reset-bandit", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/admin/users/{userId}/policy", new { policy = "thompson" })).StatusCode);

        // An audit row is written before the write is acknowledged, so it is there at once.
        var actors = await AnalyticsRows.ReadAsync(settings, $"SELECT actor FROM oo_audit WHERE target = '{userId}' ORDER BY action");
        Assert.Equal([adminId, adminId], actors);
    }

    private static async Task<(HttpClient Client, string UserId)> SignInByHandAsync(OOTestHost host, string email)
    {
        var client = await Hardening.EdgeHost.SignedInClient(host, email);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        return (client, me!.UserId);
    }

    private static async Task<(HttpClient Client, string UserId)> SignInAsync(OOTestHost host, string email, CookieContainer? cookies = null)
    {
        var client = await host.SignInAsync(email, cookies);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        return (client, me!.UserId);
    }
}
