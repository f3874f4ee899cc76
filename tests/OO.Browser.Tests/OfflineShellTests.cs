using OO.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>The service worker keeps the shell: offline, the tip page still opens and says it is offline.</summary>
public sealed class OfflineShellTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Offline_the_tip_page_opens_from_the_cache_and_says_so()
    {
        var page = await fixture.NewPageAsync(serviceWorkers: true);
        await Person.DevSignInAsync(page, Person.NewEmail());
        await Person.WaitForTipAsync(page);
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        // The first visit installs the worker; from the next navigation on it answers the page's requests.
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();

        await Expect(page.GetByText("You are offline.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "offline");
        await page.Context.SetOfflineAsync(false);
        await Person.WaitForTipAsync(page);
    }
}
