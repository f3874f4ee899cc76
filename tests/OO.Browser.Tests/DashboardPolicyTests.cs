using Microsoft.Playwright;
using OO.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>The Orleans dashboard, which oO does not write, still works under the content security policy.</summary>
public sealed class DashboardPolicyTests(DashboardPolicyTests.WithAdmin fixture) : IClassFixture<DashboardPolicyTests.WithAdmin>
{
    [Fact]
    public async Task The_dashboard_runs_for_an_administrator_without_policy_violations()
    {
        var page = await fixture.NewPageAsync();
        await Person.DevSignInAsync(page, WithAdmin.Email);
        var problems = new PageProblems(page);

        await page.GotoAsync("/dashboard");

        await Expect(page.GetByText("Total activations", new() { Exact = false })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(problems.All);
    }

    public sealed class WithAdmin : BrowserFixture
    {
        public const string Email = "admin@example.com";

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["OO:Auth:AdminEmails"] = Email,
        };
    }
}
