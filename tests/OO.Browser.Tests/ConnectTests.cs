using System.Text.Json;
using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>The Connect page: each source with its status; connect goes to the provider, disconnect is one tap.</summary>
public sealed class ConnectTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_connected_source_is_listed_and_can_be_disconnected()
    {
        var page = await fixture.NewPageAsync();
        var problems = new PageProblems(page);
        await Person.DevSignInAsync(page, Person.NewEmail());
        await Person.WaitForTipAsync(page);
        await page.GotoAsync("/connect");
        var demo = page.Locator("li.integration[data-provider='demo']");
        await Expect(demo).ToHaveAttributeAsync("data-status", "connected");
        await Expect(demo).ToContainTextAsync("Demo tasks");
        await Expect(demo).ToContainTextAsync("Connected");
        await Screenshots.SaveAsync(page, "connect");

        await demo.GetByRole(AriaRole.Button, new() { Name = "Disconnect Demo tasks" }).ClickAsync();

        await Expect(page.GetByText("Demo tasks is disconnected.")).ToBeVisibleAsync();
        await Expect(page.Locator("li.integration[data-provider='demo'][data-status='connected']")).ToHaveCountAsync(0);
        var listed = await (await page.APIRequest.GetAsync("/api/integrations")).JsonAsync();
        Assert.DoesNotContain(listed!.Value.EnumerateArray(), i => i.GetProperty("provider").GetString() == "demo" && i.GetProperty("status").GetString() == "connected");
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task Connect_and_reconnect_send_the_browser_to_the_sources_connect_address()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        // The list as the API contract describes it, so every status is on the page at once.
        await page.RouteAsync("**/api/integrations", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/json",
            Body = JsonSerializer.Serialize(new object[]
            {
                new { provider = "todoist", displayName = "Todoist", status = "disconnected", lastSyncAt = (string?)null, lastError = (string?)null, connectUrl = "/api/integrations/todoist/connect" },
                new { provider = "other", displayName = "Other app", status = "needs-reconnection", lastSyncAt = "2026-01-01T08:00:00Z", lastError = "The token was revoked.", connectUrl = "/api/integrations/other/connect" },
            }),
        }));
        await page.RouteAsync("**/api/integrations/*/connect", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "provider" }));
        await page.GotoAsync("/connect");

        var other = page.Locator("li.integration[data-provider='other']");
        await Expect(other).ToContainTextAsync("Needs reconnection");
        await Expect(other).ToContainTextAsync("The token was revoked.");
        await Expect(other.GetByRole(AriaRole.Link, new() { Name = "Reconnect Other app" })).ToHaveAttributeAsync("href", "/api/integrations/other/connect");
        await Expect(other.GetByRole(AriaRole.Button, new() { Name = "Disconnect Other app" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Connect Todoist" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/api/integrations/todoist/connect");
    }

    [Fact]
    public async Task Without_any_source_to_connect_the_page_says_so()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        await page.RouteAsync("**/api/integrations", route => route.FulfillAsync(new RouteFulfillOptions { Status = 404 }));

        await page.GotoAsync("/connect");

        await Expect(page.GetByText("No sources can be connected on this server yet.")).ToBeVisibleAsync();
        await Expect(page.Locator("li.integration")).ToHaveCountAsync(0);
    }
}
