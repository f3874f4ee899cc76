using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>
/// The console's two live components in Chromium, through Blazor's circuit: the Events page's tail shows a reaction
/// within 2 s, holds new events while paused and shows them on resuming; the Health panel's refresh can be paused.
/// </summary>
public sealed class AdminLiveTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    /// <summary>How long the tail may take from a reaction to its row (issue 12).</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions WithinTwoSeconds = new() { Timeout = 2_000 };

    [Fact]
    public async Task The_test_host_serves_Blazors_script()
    {
        var page = await fixture.NewDesktopPageAsync();

        var script = await page.APIRequest.GetAsync("/_framework/blazor.web.js");

        Assert.Equal(200, script.Status);
        Assert.Contains("Blazor", await script.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_tail_shows_a_reaction_within_two_seconds()
    {
        var (person, userId, tipId) = await PersonWithATipAsync();
        var admin = await AdminFollowingAsync(userId);

        await ReactAsync(person, tipId);

        var row = admin.Locator("#live tbody tr", new() { HasText = tipId });
        await Expect(row).ToBeVisibleAsync(WithinTwoSeconds);
        await Expect(row).ToContainTextAsync("signals.tip.feedback");
        await Expect(row).ToContainTextAsync(userId);
    }

    [Fact]
    public async Task A_paused_tail_holds_new_events_and_shows_them_on_resuming()
    {
        var (person, userId, tipId) = await PersonWithATipAsync();
        var admin = await AdminFollowingAsync(userId);
        var live = admin.GetByRole(AriaRole.Region, new() { Name = "Live", Exact = true });
        var status = live.GetByRole(AriaRole.Status);
        var row = admin.Locator("#live tbody tr", new() { HasText = tipId });

        await live.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Paused; 0 new event(s) held.");
        await ReactAsync(person, tipId);

        // The tail has the event (it is counted as held) and does not show it while paused.
        await Expect(status).ToHaveTextAsync("Paused; 1 new event(s) held.", new() { Timeout = 5_000 });
        await Expect(row).ToHaveCountAsync(0);

        await live.GetByRole(AriaRole.Button, new() { Name = "Resume", Exact = true }).ClickAsync();
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("signals.tip.feedback");
        await Expect(status).ToHaveTextAsync("Following new events as they are stored.");
    }

    [Fact]
    public async Task The_health_panel_refresh_can_be_paused_and_resumed()
    {
        var admin = await fixture.NewDesktopPageAsync();
        await Person.DevSignInAsync(admin, AdminBrowserFixture.AdminEmail);
        await admin.GotoAsync("/admin/health");
        var status = admin.Locator("main").GetByRole(AriaRole.Status).Filter(new() { HasText = "As of" });

        // The button is enabled only once the circuit is up: a page without it cannot be paused.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Pause refreshing" }).ClickAsync(new() { Timeout = 10_000 });
        await Expect(status).ToContainTextAsync("refreshing is paused.");
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Resume refreshing" })).ToHaveAttributeAsync("aria-pressed", "true");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Resume refreshing" }).ClickAsync();
        await Expect(status).ToContainTextAsync("refreshes every 15 seconds.");
    }

    /// <summary>Another person, signed in on their own browser, with a first tip from the demo source.</summary>
    private async Task<(IPage Page, string UserId, string TipId)> PersonWithATipAsync()
    {
        var person = await fixture.NewPageAsync();
        await Person.DevSignInAsync(person, Person.NewEmail());
        var userId = (await Person.SignedInMeAsync(person)).GetProperty("userId").GetString()!;
        var tipId = await Person.WaitForTipAsync(person);
        return (person, userId, tipId);
    }

    /// <summary>The Events page of an administrator, its tail following <paramref name="userId"/>'s reactions.</summary>
    private async Task<IPage> AdminFollowingAsync(string userId)
    {
        var admin = await fixture.NewDesktopPageAsync();
        await Person.DevSignInAsync(admin, AdminBrowserFixture.AdminEmail);
        await admin.GotoAsync($"/admin/events?subject=signals.tip.feedback&user={Uri.EscapeDataString(userId)}");
        await Expect(admin.GetByRole(AriaRole.Region, new() { Name = "Live", Exact = true }).GetByRole(AriaRole.Status))
            .ToHaveTextAsync("Following new events as they are stored.", new() { Timeout = 10_000 });
        return admin;
    }

    private static async Task ReactAsync(IPage person, string tipId)
    {
        var reaction = await person.APIRequest.PostAsync($"/api/tips/{tipId}/feedback", new() { DataObject = new { reaction = "done" } });
        Assert.True(reaction.Ok, $"feedback answered {reaction.Status}");
    }
}
