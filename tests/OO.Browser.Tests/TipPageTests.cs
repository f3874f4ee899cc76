using System.Text.Json;
using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>The black page: one tip, revealed reactions, keyboard shortcuts, dwell time, the next tip.</summary>
public sealed class TipPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Tapping_the_tip_reveals_the_reactions_and_done_brings_the_next_tip()
    {
        var page = await fixture.NewPageAsync();
        var problems = new PageProblems(page);
        await Person.DevSignInAsync(page, Person.NewEmail());
        var first = await Person.WaitForTipAsync(page);
        await Expect(page.Locator("#tip-content")).ToHaveCountAsync(1);
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("aria-live", "polite");
        await Screenshots.SaveAsync(page, "tip");
        var done = page.GetByRole(AriaRole.Button, new() { Name = "Done" });
        await Expect(done).ToBeHiddenAsync();

        await page.Locator("#tip-content").ClickAsync();
        await Expect(done).ToBeVisibleAsync();
        await Expect(done).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "tip-reactions");
        var feedback = await page.RunAndWaitForRequestAsync(() => done.ClickAsync(), request => request.Url.EndsWith("/feedback", StringComparison.Ordinal));

        Assert.Equal("done", JsonDocument.Parse(feedback.PostData!).RootElement.GetProperty("reaction").GetString());
        await Person.WaitForTipAsync(page, first);
        var stats = (await Person.SignedInMeAsync(page)).GetProperty("stats");
        Assert.Equal(1, stats.GetProperty("done").GetInt32());
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task Keys_s_and_x_react_at_once_and_Enter_reveals_then_chooses()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        var first = await Person.WaitForTipAsync(page);

        await page.Keyboard.PressAsync("s");
        var second = await Person.WaitForTipAsync(page, first);
        await page.Keyboard.PressAsync("x");
        var third = await Person.WaitForTipAsync(page, second);
        await page.Keyboard.PressAsync("Enter");
        var done = page.GetByRole(AriaRole.Button, new() { Name = "Done" });
        await Expect(done).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Person.WaitForTipAsync(page, third);

        var stats = (await Person.SignedInMeAsync(page)).GetProperty("stats");
        Assert.Equal(1, stats.GetProperty("snoozed").GetInt32());
        Assert.Equal(1, stats.GetProperty("dismissed").GetInt32());
        Assert.Equal(1, stats.GetProperty("done").GetInt32());
    }

    [Fact]
    public async Task Dwell_time_runs_from_the_moment_the_tip_is_visible_to_the_reaction()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        await Person.WaitForTipAsync(page);
        var visibleFor = TimeSpan.FromSeconds(2);
        await page.WaitForTimeoutAsync((float)visibleFor.TotalMilliseconds);

        var feedback = await page.RunAndWaitForRequestAsync(
            () => page.Keyboard.PressAsync("d"), request => request.Url.EndsWith("/feedback", StringComparison.Ordinal));

        var dwellMs = JsonDocument.Parse(feedback.PostData!).RootElement.GetProperty("dwellMs").GetInt64();
        Assert.InRange(dwellMs, (long)visibleFor.TotalMilliseconds, (long)visibleFor.TotalMilliseconds + 10_000);
    }

    [Fact]
    public async Task The_first_page_after_sign_in_shows_a_tip_not_connect_a_source()
    {
        var page = await fixture.NewPageAsync();
        var tipStatuses = new List<int>();
        page.Response += (_, response) =>
        {
            if (new Uri(response.Url).AbsolutePath == "/api/tip")
            {
                lock (tipStatuses)
                {
                    tipStatuses.Add(response.Status);
                }
            }
        };

        await Person.DevSignInAsync(page, Person.NewEmail());
        await Person.WaitForTipAsync(page);

        // The very first answer was the tip: the page never said "Connect a source" to a user whose demo source was syncing.
        lock (tipStatuses)
        {
            Assert.Equal(200, tipStatuses[0]);
        }
    }

    [Fact]
    public async Task While_a_source_is_syncing_the_page_says_it_is_reading_the_tasks()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        await page.RouteAsync("**/api/tip", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 204,
            Headers = new Dictionary<string, string> { ["OO-Tip-State"] = "syncing" },
        }));

        await page.GotoAsync("/");

        await Expect(page.GetByText("Reading your tasks…")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Connect a source" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task With_every_source_read_and_nothing_left_the_page_says_all_done()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        await page.RouteAsync("**/api/tip", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 204,
            Headers = new Dictionary<string, string> { ["OO-Tip-State"] = "all-done" },
        }));

        await page.GotoAsync("/");

        await Expect(page.GetByText("All done.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Connect a source" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task With_nothing_to_suggest_the_page_says_to_connect_a_source()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        await page.RouteAsync("**/api/tip", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 204,
            Headers = new Dictionary<string, string> { ["OO-Tip-State"] = "no-source" },
        }));

        await page.GotoAsync("/");

        await Expect(page.GetByText("Nothing to suggest right now.")).ToBeVisibleAsync();
        await Expect(page.Locator("#tip-content")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Connect a source" })).ToHaveAttributeAsync("href", "/connect");
        await Screenshots.SaveAsync(page, "empty");
    }

    [Fact]
    public async Task An_advice_is_labelled_as_such_and_answered_helpful_not_now_or_not_useful()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        var now = DateTimeOffset.UtcNow;
        var advice = JsonSerializer.Serialize(new
        {
            tipId = "advice-1", content = "Block half an hour before lunch for the report", kind = "advice", source = "ai",
            servedAt = now, expiresAt = now.AddMinutes(30),
        });
        await page.RouteAsync("**/api/tip", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = advice }));
        await page.RouteAsync("**/api/tips/advice-1/feedback", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200, ContentType = "application/json", Body = JsonSerializer.Serialize(new { reward = 0.5 }),
        }));

        await page.GotoAsync("/");

        await Expect(page.Locator("#tip-content")).ToHaveTextAsync("Block half an hour before lunch for the report");
        await Expect(page.Locator("#tip-kind")).ToHaveTextAsync("Advice");
        await page.Locator("#tip-content").ClickAsync();
        var helpful = page.GetByRole(AriaRole.Button, new() { Name = "Helpful" });
        await Expect(helpful).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Not now" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Not useful" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Done" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "tip-advice");

        var feedback = await page.RunAndWaitForRequestAsync(() => helpful.ClickAsync(), request => request.Url.EndsWith("/feedback", StringComparison.Ordinal));
        Assert.Equal("done", JsonDocument.Parse(feedback.PostData!).RootElement.GetProperty("reaction").GetString());
        await page.GotoAsync("/");
        await Expect(page.Locator("#tip-kind")).ToHaveTextAsync("Advice");
        await page.Locator("#tip-content").ClickAsync();
        var notUseful = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Not useful" }).ClickAsync(), request => request.Url.EndsWith("/feedback", StringComparison.Ordinal));
        Assert.Equal("dismiss", JsonDocument.Parse(notUseful.PostData!).RootElement.GetProperty("reaction").GetString());
    }

    [Fact]
    public async Task A_task_is_labelled_task_and_keeps_done_snooze_and_dismiss()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, Person.NewEmail());
        await Person.WaitForTipAsync(page);

        await Expect(page.Locator("#tip-kind")).ToHaveTextAsync("Task");
        await page.Locator("#tip-content").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Snooze" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Helpful" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task With_reduced_motion_the_tip_does_not_fade()
    {
        var page = await fixture.NewPageAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
        await Person.DevSignInAsync(page, Person.NewEmail());
        await Person.WaitForTipAsync(page);

        var duration = await page.Locator("#tip-content").EvaluateAsync<string>("element => getComputedStyle(element).transitionDuration");

        Assert.Equal("0s", duration);
    }
}
