using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>The terms and the privacy policy are reachable from sign-in and say what oO reads, stores and deletes.</summary>
public sealed class LegalPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_terms_are_one_tap_from_sign_in()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin");

        await page.GetByRole(AriaRole.Link, new() { Name = "terms" }).ClickAsync();

        // Polls the address rather than waiting for the load event, which a busy CI machine can delay.
        await Expect(page).ToHaveURLAsync(new Regex("/legal/terms$"), new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Terms of use" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connected apps" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "terms");
    }

    [Fact]
    public async Task The_privacy_policy_says_what_is_read_stored_and_deleted()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin");

        await page.GetByRole(AriaRole.Link, new() { Name = "privacy policy" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/legal/privacy$"), new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What oO reads from connected apps" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What oO stores" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deleting your account" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("encrypted");
        await Expect(page.Locator("main")).ToContainTextAsync("learns per person");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tips written for you" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Only if the operator of this server configures a language-model service");
        await Screenshots.SaveAsync(page, "privacy");
    }
}
