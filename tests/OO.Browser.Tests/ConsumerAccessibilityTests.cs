using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>Every page a person uses passes axe-core's WCAG 2.1 A and AA rules, as that person sees it.</summary>
public sealed class ConsumerAccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/signin")]
    [InlineData("/legal/terms")]
    [InlineData("/legal/privacy")]
    public async Task A_page_seen_signed_out_has_no_WCAG_violations(string path)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(path);
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();

        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData("/", "#tip-content")]
    [InlineData("/connect", "li.integration[data-provider='demo']")]
    [InlineData("/settings", "#settings:not([aria-busy='true'])")]
    public async Task A_page_seen_signed_in_has_no_WCAG_violations(string path, string shown)
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        await Person.WaitForTipAsync(page);
        await page.GotoAsync(path);
        await Expect(page.Locator(shown).First).ToBeVisibleAsync();

        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_revealed_reactions_have_no_WCAG_violations()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        await Person.WaitForTipAsync(page);
        await page.Locator("#tip-content").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Done" })).ToBeVisibleAsync();

        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_check_reports_an_image_without_a_text_alternative()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin");
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        await page.EvaluateAsync("() => document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/icons/none.png' }))");

        var violations = await Accessibility.ViolationsAsync(page);

        Assert.Contains(violations, v => v.Id == "image-alt" && v.Nodes.Any(n => n.StartsWith("img", StringComparison.Ordinal)));
        await Assert.ThrowsAnyAsync<Exception>(() => Accessibility.AssertNoViolationsAsync(page));
    }
}
