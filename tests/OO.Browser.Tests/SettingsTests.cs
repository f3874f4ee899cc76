using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>
/// Settings: the detected time zone, quiet hours across midnight, the cap and notify-me, kept across a reload;
/// signing out everywhere.
/// </summary>
public sealed class SettingsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Changed_settings_are_saved_and_shown_after_a_reload()
    {
        var page = await fixture.NewPageAsync();
        var problems = new PageProblems(page);
        await Person.DevSignInAsync(page, Person.NewEmail());
        await page.GotoAsync("/settings");
        await Expect(page.Locator("#settings")).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(page.GetByText("This device is in Europe/Berlin.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "settings");

        await page.GetByLabel("Time zone").FillAsync("America/New_York");
        await page.GetByLabel("From").FillAsync("23:30");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("06:15");
        await page.GetByLabel("Notifications a day, at most").FillAsync("5");
        await page.GetByLabel("Notify me when a tip is worth interrupting for").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Saved.")).ToBeVisibleAsync();
        await page.ReloadAsync();

        await Expect(page.Locator("#settings")).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("America/New_York");
        await Expect(page.GetByLabel("From")).ToHaveValueAsync("23:30");
        await Expect(page.GetByLabel("To", new() { Exact = true })).ToHaveValueAsync("06:15");
        await Expect(page.GetByLabel("Notifications a day, at most")).ToHaveValueAsync("5");
        await Expect(page.GetByLabel("Notify me when a tip is worth interrupting for")).ToBeCheckedAsync();
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task The_detected_time_zone_is_one_tap_away()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        await page.GotoAsync("/settings");
        await Expect(page.Locator("#settings")).ToHaveAttributeAsync("aria-busy", "false");
        await page.GetByLabel("Time zone").FillAsync("Asia/Tokyo");

        await page.GetByRole(AriaRole.Button, new() { Name = "Use it" }).ClickAsync();

        await Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Europe/Berlin");
    }

    [Fact]
    public async Task A_mistake_is_explained_next_to_its_field_and_nothing_is_saved()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        await page.GotoAsync("/settings");
        await Expect(page.Locator("#settings")).ToHaveAttributeAsync("aria-busy", "false");

        await page.GetByLabel("Time zone").FillAsync("Mars/Olympus_Mons");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator("#timeZone-error")).ToContainTextAsync("time zone");
        await Expect(page.GetByLabel("Time zone")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.ReloadAsync();
        await Expect(page.Locator("#settings")).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(page.GetByLabel("Time zone")).Not.ToHaveValueAsync("Mars/Olympus_Mons");
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_session_on_the_other_device_too()
    {
        var email = Person.NewEmail();
        var laptop = await fixture.NewPageAsync();
        var phone = await fixture.NewPageAsync();
        await Person.DevSignInAsync(laptop, email);
        await Person.DevSignInAsync(phone, email);
        Assert.Equal(200, (await Person.MeAsync(phone)).Status);
        await laptop.GotoAsync("/settings");
        await Expect(laptop.Locator("#settings")).ToHaveAttributeAsync("aria-busy", "false");

        await laptop.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();

        await laptop.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");
        await Expect(laptop.GetByText("You are signed out on every device.")).ToBeVisibleAsync();
        Assert.Equal(401, (await Person.MeAsync(laptop)).Status);
        Assert.Equal(401, (await Person.MeAsync(phone)).Status);
        await phone.GotoAsync("/settings");
        await phone.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");
    }
}
