using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>The interactive API reference renders from oO's own origin, under its page's content security policy.</summary>
public sealed class ApiReferenceTests(ApiReferenceTests.WithAdmin fixture) : IClassFixture<ApiReferenceTests.WithAdmin>
{
    [Fact]
    public async Task The_api_reference_renders_for_an_administrator_from_this_origin_only()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, WithAdmin.Email);
        await page.SetViewportSizeAsync(1280, 800);
        var problems = new PageProblems(page);
        var origin = fixture.Host.Address.GetLeftPart(UriPartial.Authority);
        List<string> elsewhere = [];
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                lock (elsewhere)
                {
                    elsewhere.Add(request.Url);
                }
            }
        };

        await page.GotoAsync("/api-reference/");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "oO API" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Sign in for development").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(problems.All);
        lock (elsewhere)
        {
            Assert.Empty(elsewhere);
        }

        await Screenshots.SaveAsync(page, "api-reference");
    }

    public sealed class WithAdmin : BrowserFixture
    {
        public const string Email = "admin@example.com";

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["OO:Auth:AdminEmails"] = Email,
        };
    }
}
