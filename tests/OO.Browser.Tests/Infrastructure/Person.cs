using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests.Infrastructure;

/// <summary>What a person does in the browser, in the words of the pages, and what the API then says about them.</summary>
public static class Person
{
    /// <summary>Patience for the first tip: the demo source publishes its tasks shortly after sign-in.</summary>
    public static readonly LocatorAssertionsToBeVisibleOptions FirstTip = new() { Timeout = 30_000 };

    public static string NewEmail() => $"person-{Guid.NewGuid():N}@example.com";

    public static async Task DevSignInAsync(IPage page, string email, string path = "/signin")
    {
        await page.GotoAsync(path);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // 60 s, not Playwright's 30: on a 2-core machine running the other test projects at once, the console's
        // tests twice saw this navigation outlast 30 s (docs: closing note of issues 11–14).
        await page.WaitForURLAsync(
            url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal), new() { Timeout = 60_000 });
    }

    /// <summary>Waits for a tip on the tip page and returns its id.</summary>
    public static async Task<string> WaitForTipAsync(IPage page, string? previousTipId = null)
    {
        var tip = page.Locator("#tip-content");
        await Expect(tip).ToBeVisibleAsync(FirstTip);
        if (previousTipId is not null)
        {
            await Expect(tip).Not.ToHaveAttributeAsync("data-tip-id", previousTipId, new() { Timeout = 15_000 });
        }

        await Expect(tip).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fading"));
        return await tip.GetAttributeAsync("data-tip-id") ?? throw new InvalidOperationException("The tip has no id.");
    }

    /// <summary><c>GET /api/me</c> with the page's session: the status, and the body when signed in.</summary>
    public static async Task<(int Status, JsonElement? Me)> MeAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/me");
        return response.Status == 200 ? (200, await response.JsonAsync()) : (response.Status, null);
    }

    public static async Task<JsonElement> SignedInMeAsync(IPage page)
    {
        var (status, me) = await MeAsync(page);
        Assert.Equal(200, status);
        return me!.Value;
    }
}
