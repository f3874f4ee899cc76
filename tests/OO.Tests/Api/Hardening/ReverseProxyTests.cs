using System.Net;
using System.Net.Http.Json;
using OO.Testing;
using OO.Testing.StandIns;

namespace OO.Tests.Api.Hardening;

/// <summary>
/// Behind a reverse proxy: forwarded headers only from configured proxies, redirect URIs from
/// OO:PublicBaseUrl whatever the Host says, only oO's own host names answered, development sign-in
/// only for a loopback peer naming a loopback host, HSTS outside Development. Through real Kestrel.
/// </summary>
public sealed class ReverseProxyTests
{
    private const string PublicUrl = "https://oo.example";

    [Fact]
    public async Task Forwarded_for_from_an_unknown_proxy_does_not_change_the_client()
    {
        await using var oo = await EdgeHost.StartAsync("Testing", new Dictionary<string, string?> { ["OO:RateLimits:SignInPermitLimit"] = "2" });
        using var client = EdgeHost.Client(oo);

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            statuses.Add(await ProvidersAs(client, $"203.0.113.{i}"));
        }

        // Three "different" clients, one bucket: the header was not believed.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Forwarded_for_from_a_known_proxy_names_the_client_and_its_own_bucket()
    {
        await using var oo = await EdgeHost.StartAsync("Testing", new Dictionary<string, string?>
        {
            ["OO:RateLimits:SignInPermitLimit"] = "2",
            ["OO:Http:KnownProxies:0"] = "127.0.0.1",
        });
        using var client = EdgeHost.Client(oo);

        var first = new[] { await ProvidersAs(client, "203.0.113.1"), await ProvidersAs(client, "203.0.113.1"), await ProvidersAs(client, "203.0.113.1") };
        var other = await ProvidersAs(client, "203.0.113.2");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, other);
    }

    [Fact]
    public async Task Behind_a_chain_of_known_proxies_the_client_is_the_first_address_that_is_not_a_proxy()
    {
        await using var oo = await EdgeHost.StartAsync("Testing", new Dictionary<string, string?>
        {
            ["OO:RateLimits:SignInPermitLimit"] = "2",
            ["OO:Http:KnownProxies:0"] = "127.0.0.1",
            ["OO:Http:KnownNetworks:0"] = "10.0.0.0/8",
        });
        using var client = EdgeHost.Client(oo);

        // The client prepends made-up addresses; the ingress (10.0.0.7) appended the address it really saw.
        var spoofed = new[]
        {
            await ProvidersAs(client, "192.0.2.1, 198.51.100.1, 10.0.0.7"),
            await ProvidersAs(client, "192.0.2.2, 198.51.100.1, 10.0.0.7"),
            await ProvidersAs(client, "192.0.2.3, 198.51.100.1, 10.0.0.7"),
        };
        var someoneElse = await ProvidersAs(client, "198.51.100.2, 10.0.0.7");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], spoofed);
        Assert.Equal(HttpStatusCode.OK, someoneElse);
    }

    [Fact]
    public async Task Redirect_uris_come_from_the_public_base_url_whatever_the_host_header()
    {
        await using var provider = await OidcStandIn.StartAsync();
        await using var oo = await EdgeHost.StartAsync("Testing", new Dictionary<string, string?>
        {
            ["OO:PublicBaseUrl"] = PublicUrl,
            ["OO:Auth:Google:Authority"] = provider.Issuer,
            ["OO:Auth:Google:ClientId"] = OidcStandIn.ClientId,
            ["OO:Auth:Google:ClientSecret"] = OidcStandIn.ClientSecret,
            ["OO:Todoist:ClientId"] = "todoist-client",
            ["OO:Todoist:ClientSecret"] = "todoist-secret",
        });
        using var client = await EdgeHost.SignedInClient(oo, $"proxy-{Guid.NewGuid():N}@example.com");

        using var google = await client.GetAsync("/auth/google?returnUrl=%2F");
        using var todoist = await client.GetAsync("/api/integrations/todoist/connect");

        Assert.Equal(HttpStatusCode.Redirect, google.StatusCode);
        Assert.Equal($"{PublicUrl}/signin-google", Query(google.Headers.Location!)["redirect_uri"]);
        Assert.Equal(HttpStatusCode.Redirect, todoist.StatusCode);
        Assert.Equal($"{PublicUrl}/api/integrations/todoist/callback", Query(todoist.Headers.Location!)["redirect_uri"]);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("oo.example.evil.example")]
    public async Task A_host_name_that_is_not_ours_gets_400(string host)
    {
        await using var oo = await EdgeHost.StartAsync("Production", new Dictionary<string, string?> { ["OO:PublicBaseUrl"] = PublicUrl });

        using var page = await EdgeHost.Client(oo, host).GetAsync("/auth/providers");
        using var ours = await EdgeHost.Client(oo, "oo.example").GetAsync("/auth/providers");
        using var probe = await EdgeHost.Client(oo, "10.1.2.3:8080").GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        // Orchestrators probe a pod by its address.
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Fact]
    public async Task Development_sign_in_is_refused_when_the_host_is_not_loopback()
    {
        await using var oo = await EdgeHost.StartAsync("Development", new Dictionary<string, string?> { ["OO:PublicBaseUrl"] = PublicUrl });
        using var relayed = EdgeHost.Client(oo, "oo.example");

        using var signIn = await relayed.PostAsJsonAsync("/auth/dev", new { email = "stranger@example.com" });
        var offer = await relayed.GetStringAsync("/auth/providers");

        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Contains("\"devSignIn\":false", offer, StringComparison.Ordinal);
        using var local = await EdgeHost.Client(oo).PostAsJsonAsync("/auth/dev", new { email = "local@example.com" });
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public async Task HSTS_is_sent_over_https_outside_Development(string environment, bool expected)
    {
        await using var oo = await EdgeHost.StartAsync(environment, new Dictionary<string, string?>
        {
            ["OO:PublicBaseUrl"] = PublicUrl,
            ["OO:Http:KnownProxies:0"] = "127.0.0.1",
        });
        using var client = EdgeHost.Client(oo, "oo.example");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_session_cookie_is_Secure_when_the_public_url_is_https_even_on_a_loopback_host()
    {
        await using var oo = await EdgeHost.StartAsync("Testing", new Dictionary<string, string?> { ["OO:PublicBaseUrl"] = PublicUrl });

        using var response = await EdgeHost.Client(oo).PostAsJsonAsync("/auth/dev", new { email = $"secure-{Guid.NewGuid():N}@example.com" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("oo.session", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Production", null, "OO__PublicBaseUrl is required in Production")]
    [InlineData("Production", "http://oo.example", "OO__PublicBaseUrl must use https")]
    [InlineData("Development", "ftp://oo.example", "OO__PublicBaseUrl must be an absolute https URL")]
    public async Task A_missing_or_invalid_public_url_stops_the_start_with_a_sentence(string environment, string? value, string sentence)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-edge-{Guid.NewGuid():N}"),
            ["OO:PublicBaseUrl"] = value,
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await (await OOTestHost.StartAsync(settings, environment: environment)).DisposeAsync());

        Assert.Contains(sentence, error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> ProvidersAs(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/providers");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static System.Collections.Specialized.NameValueCollection Query(Uri location) =>
        System.Web.HttpUtility.ParseQueryString(location.Query);
}
