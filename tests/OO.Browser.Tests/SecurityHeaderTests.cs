using System.Net;
using OO.Browser.Tests.Infrastructure;

namespace OO.Browser.Tests;

/// <summary>Every page carries the security headers, and no page needs an inline script to work.</summary>
public sealed class SecurityHeaderTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Pages => ["/", "/signin", "/connect", "/settings", "/legal/terms", "/legal/privacy"];

    [Theory]
    [MemberData(nameof(Pages))]
    [InlineData("/api/me")]
    public async Task Responses_carry_the_security_headers(string path)
    {
        using var client = fixture.Host.CreateClient();

        var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_are_html_without_inline_script(string path)
    {
        using var client = fixture.Host.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain(" style=", html);
        Assert.DoesNotMatch(@"\son[a-z]+=", html);
    }

    [Fact]
    public async Task Every_page_runs_signed_in_without_a_script_error_or_policy_violation()
    {
        var page = await fixture.NewPageAsync();
        var problems = new PageProblems(page);
        await Person.DevSignInAsync(page, Person.NewEmail());

        foreach (var path in Pages)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        }

        Assert.Empty(problems.All);
    }

    [Theory]
    [InlineData("/manifest.webmanifest", "application/manifest+json")]
    [InlineData("/sw.js", "text/javascript")]
    [InlineData("/icons/icon192.png", "image/png")]
    [InlineData("/icons/icon512.png", "image/png")]
    [InlineData("/icons/maskable512.png", "image/png")]
    public async Task The_app_can_be_installed(string path, string mediaType)
    {
        using var client = fixture.Host.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
