using System.Net;
using System.Net.Http.Json;
using OO.Testing;

namespace OO.Tests.Api.Hardening;

/// <summary>
/// The real host in a named environment, and clients that carry the session cookie by hand: in
/// Production the cookie is Secure (the public URL is https), which a cookie jar keeps off plain
/// HTTP to loopback.
/// </summary>
internal static class EdgeHost
{
    public const string AdminEmail = "edge-admin@example.com";

    /// <summary>The Production host's public URL: https, on a loopback name, so development sign-in still answers.</summary>
    public const string ProductionPublicUrl = "https://localhost";

    public static Task<OOTestHost> StartAsync(string environment, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-edge-{Guid.NewGuid():N}"),
            ["OO:Auth:AdminEmails"] = AdminEmail,
            ["OO:Auth:FirstUserIsAdmin"] = "false",
        };
        if (environment == "Production")
        {
            settings["OO:PublicBaseUrl"] = ProductionPublicUrl;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return OOTestHost.StartAsync(settings, environment: environment);
    }

    /// <summary>A client that names <paramref name="host"/> in the Host header and keeps no cookies itself.</summary>
    public static HttpClient Client(OOTestHost oo, string host = "localhost") =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = oo.Address,
            DefaultRequestHeaders = { Host = host },
            Timeout = TimeSpan.FromSeconds(15),
        };

    /// <summary>Signs <paramref name="email"/> in through development sign-in; the client then sends the session cookie.</summary>
    public static async Task<HttpClient> SignedInClient(OOTestHost oo, string email)
    {
        var client = Client(oo);
        var response = await client.PostAsJsonAsync("/auth/dev", new { email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        Assert.Contains(cookies, c => c.StartsWith("oo.session", StringComparison.Ordinal));
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        return client;
    }
}
