using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>Deleting the account from Settings: confirmed once, then the session is gone and the person starts anew.</summary>
public sealed class AccountDeletionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Deleting_the_account_ends_the_session_and_signing_in_again_makes_a_new_user()
    {
        var email = Person.NewEmail();
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, email);
        var tip = await Person.WaitForTipAsync(page);
        await page.Keyboard.PressAsync("d");
        await Person.WaitForTipAsync(page, tip);
        var before = await Person.SignedInMeAsync(page);
        Assert.Equal(1, before.GetProperty("stats").GetProperty("done").GetInt32());
        await page.GotoAsync("/settings");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete account" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete your account?" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Keep my account" })).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "delete-account");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete everything" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");
        await Expect(page.GetByText("Your account is deleted")).ToBeVisibleAsync();
        Assert.Equal(401, (await Person.MeAsync(page)).Status);

        await Person.DevSignInAsync(page, email);
        var after = await Person.SignedInMeAsync(page);
        Assert.NotEqual(before.GetProperty("userId").GetString(), after.GetProperty("userId").GetString());
        Assert.Equal(0, after.GetProperty("stats").GetProperty("done").GetInt32());
    }

    [Fact]
    public async Task Keeping_the_account_changes_nothing()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        var before = (await Person.SignedInMeAsync(page)).GetProperty("userId").GetString();
        await page.GotoAsync("/settings");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete account" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep my account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
        Assert.Equal(before, (await Person.SignedInMeAsync(page)).GetProperty("userId").GetString());
    }
}
