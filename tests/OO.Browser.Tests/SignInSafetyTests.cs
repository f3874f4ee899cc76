using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>The sign-in page never sends anyone to another site, and says why a provider sign-in did not work.</summary>
public sealed class SignInSafetyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0A/evil.example")]
    [InlineData("/%5C%09evil.example")]
    public async Task A_return_address_the_browser_would_read_as_another_site_stays_on_oO(string returnUrl)
    {
        var page = await fixture.NewPageAsync();
        var home = new Uri(fixture.Host.Address, "/");

        await Person.DevSignInAsync(page, Person.NewEmail(), $"/signin?returnUrl={returnUrl}");

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.Equal(home.Authority, new Uri(page.Url).Authority);
    }

    [Theory]
    [InlineData("provider_unavailable", "The sign-in provider could not be reached. Try again in a moment.")]
    [InlineData("access_denied", "Signing in was cancelled at the provider, so you are not signed in.")]
    public async Task A_failed_provider_sign_in_is_explained(string error, string sentence)
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync($"/signin?error={error}");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(sentence);
    }
}
