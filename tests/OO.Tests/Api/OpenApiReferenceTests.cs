using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OO.Testing;

namespace OO.Tests.Api;

/// <summary>
/// The interactive API reference (/api-reference): administrators only outside Development, its
/// files served by oO itself, and a content security policy loosened on its own page only.
/// </summary>
public sealed partial class OpenApiReferenceTests(OpenApiHostFixture fixture) : IClassFixture<OpenApiHostFixture>
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await fixture.Host.CreateClient().GetAsync("/api-reference/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_signed_in_person_who_is_not_admin_gets_403()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var response = await client.GetAsync("/api-reference/");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_gets_the_page_with_its_scripts_from_this_host_and_its_inline_script_allowed_by_hash()
    {
        var client = await fixture.Host.SignInAsync(OpenApiHostFixture.AdminEmail);

        var response = await client.GetAsync("/api-reference/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var sources = ScriptSource().Matches(html).Select(m => m.Groups["src"].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.DoesNotContain("//", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var source in sources)
        {
            var asset = await client.GetAsync(new Uri(new Uri(fixture.Host.Address, "/api-reference/"), source));
            Assert.True(asset.IsSuccessStatusCode, $"{source} answered {(int)asset.StatusCode}");
        }

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var scriptSources = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe", scriptSources, StringComparison.Ordinal);
        var inline = InlineScript().Matches(html).Select(m => m.Groups["body"].Value).ToList();
        Assert.NotEmpty(inline);
        Assert.All(inline, body => Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}'", scriptSources, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_outside_the_reference_keep_the_strict_policy()
    {
        var client = await fixture.Host.SignInAsync(OpenApiHostFixture.AdminEmail);

        foreach (var path in new[] { "/", "/api/me", "/openapi/v1.json" })
        {
            var response = await client.GetAsync(path);
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
            Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<src>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
