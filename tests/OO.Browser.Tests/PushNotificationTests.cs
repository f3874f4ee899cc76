using System.Text.Json;
using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using OO.Grains.Interfaces.Users;
using OO.Grains.Push;

namespace OO.Browser.Tests;

/// <summary>
/// The service worker turns a pushed tip into one notification that leads to that tip. The push is
/// delivered to the worker through the DevTools protocol, as a push service would deliver it.
/// </summary>
public sealed class PushNotificationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_pushed_tip_shows_as_one_notification_that_leads_to_that_tip()
    {
        var page = await fixture.NewPageAsync(serviceWorkers: true);
        await page.Context.GrantPermissionsAsync(["notifications"]);
        await Person.DevSignInAsync(page, Person.NewEmail());
        await Person.WaitForTipAsync(page);
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        var userId = await page.EvaluateAsync<string>("async () => (await (await fetch('/api/me')).json()).userId");
        var tip = (await fixture.Host.Grains.GetGrain<IUserGrain>(userId).GetTip())!;

        var cdp = await page.Context.NewCDPSessionAsync(page);
        var registration = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, update) =>
        {
            foreach (var entry in update!.Value.GetProperty("registrations").EnumerateArray().Where(r => !r.GetProperty("isDeleted").GetBoolean()))
            {
                registration.TrySetResult(entry.GetProperty("registrationId").GetString()!);
            }
        };
        await cdp.SendAsync("ServiceWorker.enable");
        var registrationId = await registration.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var origin = fixture.Host.Address.GetLeftPart(UriPartial.Authority);

        // Twice: one tip at a time, so the second replaces the first instead of stacking.
        for (var i = 0; i < 2; i++)
        {
            await cdp.SendAsync("ServiceWorker.deliverPushMessage", new Dictionary<string, object>
            {
                ["origin"] = origin,
                ["registrationId"] = registrationId,
                ["data"] = PushPayload.ForTip(tip),
            });
        }

        var shown = await WaitForNotificationsAsync(page);
        var notification = Assert.Single(shown.EnumerateArray());
        Assert.Equal("oO", notification.GetProperty("title").GetString());
        Assert.Equal(tip.Content, notification.GetProperty("body").GetString());
        Assert.Equal(tip.TipId, notification.GetProperty("tipId").GetString());
        var url = notification.GetProperty("url").GetString()!;
        Assert.Equal($"/?tip={tip.TipId}", url);

        // Where the click leads: the tip page, showing exactly the pushed tip.
        await page.GotoAsync(url);
        await Microsoft.Playwright.Assertions.Expect(page.GetByText(tip.Content)).ToBeVisibleAsync();
    }

    private static async Task<JsonElement> WaitForNotificationsAsync(IPage page)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var shown = await page.EvaluateAsync<JsonElement>("""
                async () => (await (await navigator.serviceWorker.ready).getNotifications())
                    .map(n => ({ title: n.title, body: n.body, tipId: n.data && n.data.tipId, url: n.data && n.data.url }))
                """);
            if (shown.GetArrayLength() > 0 || DateTime.UtcNow > deadline)
            {
                return shown;
            }

            await Task.Delay(200);
        }
    }
}
