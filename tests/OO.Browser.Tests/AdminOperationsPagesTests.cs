using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>
/// The console's pages in Chromium: every route passes axe-core's WCAG 2.1 A/AA rules with data on it, the operations
/// pages show an admin their data, and nobody else sees any. With OO_SCREENSHOTS=1 each page is saved to
/// docs/screenshots/admin-*.png.
/// </summary>
public sealed class AdminOperationsPagesTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    private static readonly bool SaveScreenshots = Environment.GetEnvironmentVariable("OO_SCREENSHOTS") == "1";

    /// <summary>Every route of the console (COMMON.md), the user page with the admin's own id.</summary>
    public static TheoryData<string, string> Routes() => new()
    {
        { "/admin", "overview" },
        { "/admin/users", "users" },
        { "/admin/users/{self}", "user" },
        { "/admin/events", "events" },
        { "/admin/recommendations", "recommendations" },
        { "/admin/rewards", "rewards" },
        { "/admin/policies", "policies" },
        { "/admin/data-quality", "data-quality" },
        { "/admin/audit", "audit" },
        { "/admin/sql", "sql" },
        { "/admin/health", "health" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_console_page_has_no_WCAG_violations(string route, string name)
    {
        var page = await SignedInAdminAsync();
        var self = (await Person.SignedInMeAsync(page)).GetProperty("userId").GetString()!;

        var response = await page.GotoAsync(route.Replace("{self}", self, StringComparison.Ordinal));

        Assert.Equal(200, response!.Status);
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        if (SaveScreenshots)
        {
            await Screenshots.SaveAsync(page, $"admin-{name}");
        }
    }

    [Fact]
    public async Task An_admin_runs_a_query_on_the_SQL_page_and_finds_it_in_the_audit_log()
    {
        var page = await SignedInAdminAsync();
        var marker = $"m{Guid.NewGuid():N}";
        await page.GotoAsync("/admin/sql?saved=tables");
        await Expect(page.GetByLabel("Query")).ToHaveValueAsync(new Regex("sqlite_master"));

        await page.GetByLabel("Query").FillAsync($"SELECT '{marker}' AS marker, count(*) AS audited FROM oo_audit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();

        await Expect(page.Locator("#result")).ToContainTextAsync(marker);
        await Expect(page.Locator("#result th").First).ToHaveTextAsync("marker");
        await page.GetByLabel("Query").FillAsync("DELETE FROM oo_audit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Only queries run here");

        await page.GotoAsync($"/admin/audit?q={marker}");
        await Expect(page.Locator("#audit tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#audit")).ToContainTextAsync("sql.run");
        await Expect(page.Locator("#audit")).ToContainTextAsync(AdminBrowserFixture.AdminEmail);
    }

    [Fact]
    public async Task An_admin_sees_the_cluster_and_the_data_quality_of_their_world()
    {
        var page = await SignedInAdminAsync();

        await page.GotoAsync("/admin/health");
        await Expect(page.Locator("#silos")).ToContainTextAsync("Active");
        await Expect(page.Locator("main")).ToContainTextAsync("reachable");
        await Expect(page.Locator("#integrations")).ToContainTextAsync("demo");
        await Expect(page.Locator("main")).ToContainTextAsync("refreshes every 15 seconds");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pause refreshing" })).ToHaveCountAsync(1);

        await page.GotoAsync("/admin/data-quality");
        await Expect(page.Locator("#features")).ToContainTextAsync("Decisions read");
        await Expect(page.Locator("main svg[role='img']")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Not computed");
    }

    [Theory]
    [InlineData("/admin/sql")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/events")]
    [InlineData("/admin/data-quality")]
    [InlineData("/admin/health")]
    public async Task A_person_who_is_not_admin_gets_403_and_a_stranger_the_sign_in_page(string route)
    {
        var person = await fixture.NewPageAsync();
        await Person.DevSignInAsync(person, Person.NewEmail());
        var stranger = await fixture.NewPageAsync();

        var forbidden = await person.GotoAsync(route);
        await stranger.GotoAsync(route);

        Assert.Equal(403, forbidden!.Status);
        await Expect(person.Locator("table")).ToHaveCountAsync(0);
        await Expect(stranger).ToHaveURLAsync(new Regex("/signin"));
        await Expect(stranger.Locator("table")).ToHaveCountAsync(0);
    }

    private async Task<IPage> SignedInAdminAsync()
    {
        var page = await fixture.NewDesktopPageAsync();
        await Person.DevSignInAsync(page, AdminBrowserFixture.AdminEmail);
        // The demo source syncs and serves a first tip: the seeded world the pages show.
        await Person.WaitForTipAsync(page);
        return page;
    }
}
