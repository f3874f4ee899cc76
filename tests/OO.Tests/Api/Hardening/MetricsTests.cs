using System.Net;
using System.Net.Http.Headers;
using OO.Testing;

namespace OO.Tests.Api.Hardening;

/// <summary>/metrics is read with a bearer token (OO:Metrics:Token); without one configured it is not served.</summary>
public sealed class MetricsTests
{
    // Made per run, as an operator would: no token is written down anywhere.
    private static readonly string Token = $"scrape-{Guid.NewGuid():N}";

    [Fact]
    public async Task An_anonymous_scrape_is_refused_and_a_scrape_with_the_token_is_served()
    {
        await using var oo = await EdgeHost.StartAsync("Production", new Dictionary<string, string?> { ["OO:Metrics:Token"] = Token });
        using var client = EdgeHost.Client(oo);
        await client.GetAsync("/healthz");

        using var anonymous = await client.GetAsync("/metrics");
        using var wrong = await Scrape(client, "not-the-token-at-all");
        using var scraper = await Scrape(client, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scraper.StatusCode);
        var text = await scraper.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_configured_metrics_are_not_served()
    {
        await using var oo = await EdgeHost.StartAsync("Development");

        using var response = await EdgeHost.Client(oo).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<HttpResponseMessage> Scrape(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
