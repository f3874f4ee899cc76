using System.Text.Json;
using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using OO.Grains.Interfaces.Push;
using OO.Grains.Interfaces.Users;
using OO.Grains.Push;
using OO.Testing.StandIns.WebPush;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>
/// The service worker turns a pushed tip into one notification that leads to that tip. The push is
/// delivered to the worker through the DevTools protocol, as a push service would deliver it.
/// Signing out forgets the device, so a shared computer never shows one person's tips to the next.
/// </summary>
public sealed class PushNotificationTests(PushNotificationTests.Fixture fixture) : IClassFixture<PushNotificationTests.Fixture>
{
    /// <summary>
    /// Headless Chromium has no push service to subscribe with, so the page's <c>PushManager</c>
    /// hands out a subscription of the Web Push stand-in (kept in localStorage across pages, as a
    /// browser keeps its own) and records <c>unsubscribe()</c>.
    /// </summary>
    private const string StandInPushManager = """
        (device) => {
          const key = "oo-test-push-subscription";
          const make = (serverKey) => ({
            endpoint: device.endpoint,
            options: { userVisibleOnly: true, applicationServerKey: new Uint8Array(serverKey).buffer },
            toJSON: () => ({ endpoint: device.endpoint, expirationTime: null, keys: { p256dh: device.p256dh, auth: device.auth } }),
            unsubscribe: async () => { localStorage.removeItem(key); localStorage.setItem("oo-test-push-unsubscribed", "yes"); return true; },
          });
          PushManager.prototype.getSubscription = async function () {
            const stored = localStorage.getItem(key);
            return stored ? make(JSON.parse(stored)) : null;
          };
          PushManager.prototype.subscribe = async function (options) {
            const serverKey = Array.from(new Uint8Array(options.applicationServerKey.buffer || options.applicationServerKey));
            localStorage.setItem(key, JSON.stringify(serverKey));
            return make(serverKey);
          };
        }
        """;

    [Fact]
    public async Task Signing_out_forgets_the_device_so_a_push_for_that_person_no_longer_reaches_this_browser()
    {
        await using var pushService = await PushServiceStandIn.StartAsync();
        var device = pushService.CreateSubscription();
        var page = await fixture.NewPageAsync(serviceWorkers: true);
        await page.Context.GrantPermissionsAsync(["notifications"]);
        await page.Context.AddInitScriptAsync(
            $"({StandInPushManager})({JsonSerializer.Serialize(new { endpoint = device.Endpoint.ToString(), p256dh = device.P256dh, auth = device.Auth })})");
        await Person.DevSignInAsync(page, Person.NewEmail());
        var userId = (await Person.SignedInMeAsync(page)).GetProperty("userId").GetString()!;
        var user = fixture.Host.Grains.GetGrain<IUserGrain>(userId);
        await page.GotoAsync("/settings");
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        await page.GetByLabel("Notify me when a tip is worth interrupting for").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Saved.")).ToBeVisibleAsync();
        await WaitForAsync(async () => (await user.GetAdminView())!.Push!.Devices == 1, "the device to be registered");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");

        Assert.Equal(0, (await user.GetAdminView())!.Push!.Devices);
        Assert.Equal("yes", await page.EvaluateAsync<string?>("() => localStorage.getItem('oo-test-push-unsubscribed')"));
        Assert.Null(await fixture.Host.Grains.GetGrain<IPushEndpointGrain>(PushEndpointKey.Of(device.Endpoint.ToString())).GetOwner());
        // A push for the person who signed out finds no device: nothing is sent to this browser.
        Assert.Equal("NoSubscription", (await user.DeliverNow()).Reason);
        Assert.True((await user.CreateTestPush()).NoDevice);
        Assert.Empty(pushService.ReceivedFor(device));
    }

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

    private static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 20 s for {what}.");
            }

            await Task.Delay(100);
        }
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

    /// <summary>The browser fixture with the push testing switch on, as the Web Push stand-in is on loopback.</summary>
    public sealed class Fixture : BrowserFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["OO:Push:AllowLoopbackEndpoints"] = "true",
        };
    }
}
