using System.Net;
using System.Text.Json;
using OO.Testing;

namespace OO.Tests.Api;

/// <summary>Health, readiness, the OpenAPI document and the tip page are served.</summary>
public sealed class OperationsTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        var response = await fixture.Host.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_tip_endpoints()
    {
        var response = await fixture.Host.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/tip", out _));
        Assert.True(paths.TryGetProperty("/api/tips/{tipId}/feedback", out _));
        Assert.True(paths.TryGetProperty("/api/me", out _));
    }

    [Fact]
    public async Task The_tip_page_is_served_at_the_root()
    {
        var response = await fixture.Host.CreateClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/app.js\"", html);
        Assert.DoesNotContain("<script>", html);
    }
}
