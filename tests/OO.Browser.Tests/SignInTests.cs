using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using OO.Testing.StandIns;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>Signing in: through OpenID Connect (the real handler against the stand-in) and through development sign-in.</summary>
public sealed class SignInTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_signed_out_visit_to_the_tip_page_lands_on_sign_in()
    {
        var page = await fixture.NewPageAsync();
        var problems = new PageProblems(page);

        await page.GotoAsync("/");

        // Often the run's first page, on a machine busy with every other test project: wait for the address,
        // not the load event; the assertions below wait for what the person sees.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "oO" })).ToBeVisibleAsync();
        await Expect(page.GetByText("One tip. Right now. Feels like magic.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Continue with Google" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Signing in is consent to the terms and the privacy policy.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "terms" })).ToHaveAttributeAsync("href", "/legal/terms");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "privacy policy" })).ToHaveAttributeAsync("href", "/legal/privacy");
        await Screenshots.SaveAsync(page, "signin");
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task Google_sign_in_goes_through_OpenID_Connect_with_PKCE_and_nonce_to_the_tip()
    {
        var email = Person.NewEmail();
        fixture.StandIn.NextUser = new StandInUser($"google-{Guid.NewGuid():N}", email);
        var exchanges = fixture.StandIn.VerifiedExchanges;
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue with Google" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/" && url.StartsWith(fixture.Host.Address.ToString(), StringComparison.Ordinal));
        await Person.WaitForTipAsync(page);
        var me = await Person.SignedInMeAsync(page);
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal(exchanges + 1, fixture.StandIn.VerifiedExchanges);
        var authorize = fixture.StandIn.LastAuthorizeRequest;
        Assert.Equal("S256", authorize["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(authorize["nonce"]));
        Assert.False(string.IsNullOrEmpty(authorize["state"]));
        Assert.Equal($"{fixture.Host.Address.ToString().TrimEnd('/')}/signin-google", authorize["redirect_uri"]);
    }

    [Fact]
    public async Task The_same_Google_account_reaches_the_same_user_and_a_return_path_is_honoured()
    {
        fixture.StandIn.NextUser = new StandInUser($"google-{Guid.NewGuid():N}", Person.NewEmail());
        var first = await fixture.NewPageAsync();
        await first.GotoAsync("/signin");
        await first.GetByRole(AriaRole.Link, new() { Name = "Continue with Google" }).ClickAsync();
        await first.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        var firstId = (await Person.SignedInMeAsync(first)).GetProperty("userId").GetString();

        var second = await fixture.NewPageAsync();
        await second.GotoAsync("/settings");
        await second.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");
        await second.GetByRole(AriaRole.Link, new() { Name = "Continue with Google" }).ClickAsync();

        await second.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/settings");
        Assert.Equal(firstId, (await Person.SignedInMeAsync(second)).GetProperty("userId").GetString());
    }

    [Theory]
    [InlineData("https://elsewhere.example/phish")]
    [InlineData("//elsewhere.example/phish")]
    [InlineData("/\\elsewhere.example")]
    public async Task A_return_address_on_another_site_is_replaced_by_the_tip_page(string returnUrl)
    {
        fixture.StandIn.NextUser = new StandInUser($"google-{Guid.NewGuid():N}", Person.NewEmail());
        var page = await fixture.NewPageAsync();

        await page.GotoAsync($"/auth/google?returnUrl={Uri.EscapeDataString(returnUrl)}");

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.StartsWith(fixture.Host.Address.ToString(), page.Url, StringComparison.Ordinal);
        Assert.Equal(200, (await Person.MeAsync(page)).Status);
    }

    [Fact]
    public async Task Development_sign_in_reaches_the_tip_and_sign_out_ends_the_session()
    {
        var email = Person.NewEmail();
        var page = await fixture.NewPageAsync();

        await Person.DevSignInAsync(page, email);

        await Person.WaitForTipAsync(page);
        Assert.Equal(email, (await Person.SignedInMeAsync(page)).GetProperty("email").GetString());

        await page.GotoAsync("/settings");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");
        await Expect(page.GetByText("You are signed out.")).ToBeVisibleAsync();
        Assert.Equal(401, (await Person.MeAsync(page)).Status);
    }

    [Fact]
    public async Task The_sign_in_page_offers_what_is_configured()
    {
        using var client = fixture.Host.CreateClient();

        var offer = await client.GetStringAsync("/auth/providers");

        Assert.Equal(
            """{"providers":[{"name":"google","displayName":"Google","signInUrl":"/auth/google?returnUrl=%2F"}],"devSignIn":true}""",
            offer);
    }
}
