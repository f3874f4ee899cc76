using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OO.Api.Auth;
using OO.Api.Me;
using OO.Testing;
using OO.Tests.Infrastructure;

namespace OO.Tests.Api;

/// <summary>
/// Sessions are re-checked on every request: "sign out everywhere" and account deletion end every
/// session at once, and an old cookie can neither use nor re-create a deleted account.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SessionTests(PostgresServer postgres)
{
    private readonly StorageEngine _storage = new(postgres);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Signing_out_everywhere_ends_every_session_of_the_user(string engine)
    {
        var settings = await _storage.FreshAsync(engine);
        await using var host = await OOTestHost.StartAsync(settings);
        var email = EmbeddedHostFixture.NewEmail();
        var laptop = await host.SignInAsync(email);
        var phone = await host.SignInAsync(email);
        var tabletCookies = new CookieContainer();
        await host.SignInAsync(email, tabletCookies);
        var other = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.DeleteAsync("/api/me/sessions")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/me/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/me")).StatusCode);
        // Signing in again with the revoked cookie still in the jar replaces it with a valid one.
        var again = await host.SignInAsync(email, tabletCookies);
        Assert.Equal(email, (await again.GetFromJsonAsync<MeResponse>("/api/me"))!.Email);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task After_deletion_an_old_cookie_is_refused_everywhere_and_recreates_nothing(string engine)
    {
        var settings = await _storage.FreshAsync(engine);
        await using var host = await OOTestHost.StartAsync(settings);
        var email = EmbeddedHostFixture.NewEmail();
        var deleting = await host.SignInAsync(email);
        var stolen = await host.SignInAsync(email);
        var tip = await TipRoundTripTests.NextTipAsync(stolen);
        var userId = (await stolen.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;

        Assert.Equal(HttpStatusCode.NoContent, (await deleting.DeleteAsync("/api/me")).StatusCode);

        var settingsBody = new { timeZone = "Europe/Berlin", quietHours = new { start = "22:00", end = "07:00" }, dailyPushCap = 3, notify = true };
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.PutAsJsonAsync("/api/me/settings", settingsBody)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.GetAsync("/api/integrations/todoist/callback?code=c&state=s")).StatusCode);
        var routes = ProtectedApiRoutes(host, new() { ["tipId"] = tip.TipId, ["id"] = userId, ["provider"] = "demo" });
        Assert.Contains(routes, r => r is { Method: "PUT", Path: "/api/me/settings" });
        foreach (var (method, path) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
            var response = await stolen.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}");
        }

        Assert.Empty(await DatabaseScanner.FindAsync(settings, userId));
    }

    [Fact]
    public async Task A_cookie_issued_before_sessions_carried_a_stamp_is_refused()
    {
        var settings = await _storage.FreshAsync("sqlite");
        await using var host = await OOTestHost.StartAsync(settings);
        var signedIn = await host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var me = (await signedIn.GetFromJsonAsync<MeResponse>("/api/me"))!;
        var cookies = new CookieContainer();
        cookies.Add(host.Address, new Cookie("oo.session", LegacyCookie(host, me.UserId, me.Email)));
        var legacy = host.CreateClient(cookies);

        var response = await legacy.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Refused and removed: the browser stops sending it.
        Assert.DoesNotContain(cookies.GetCookies(host.Address), c => c.Name == "oo.session");
    }

    /// <summary>A session cookie as oO issued them before the session stamp: user id and email only.</summary>
    private static string LegacyCookie(OOTestHost host, string userId, string email)
    {
        var options = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var identity = new ClaimsIdentity(
            [new Claim(OOClaims.UserId, userId), new Claim(ClaimTypes.Email, email)], CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), CookieAuthenticationDefaults.AuthenticationScheme);
        return options.TicketDataFormat.Protect(ticket);
    }

    /// <summary>Every endpoint under <c>/api</c> that needs a signed-in person, with its route values filled in.</summary>
    private static List<(string Method, string Path)> ProtectedApiRoutes(OOTestHost host, Dictionary<string, string> values) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<IAuthorizeData>() is not null
                && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, Fill(e.RoutePattern.RawText!, values))))
            .ToList();

    /// <summary>Fills each <c>{name}</c> with its value; a parameter constrained to a number (<c>{id:long}</c>) gets 1, so the route matches.</summary>
    private static string Fill(string pattern, Dictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(
            pattern, @"\{(?<name>\w+)(?::(?<constraint>[^}]+))?\}",
            m => m.Groups["constraint"].Value is "long" or "int" ? "1" : values[m.Groups["name"].Value]).TrimEnd('/');
}
