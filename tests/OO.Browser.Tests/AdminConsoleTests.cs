using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OO.Admin.Data;
using OO.Browser.Tests.Infrastructure;
using OO.Grains.Interfaces.Ai;
using OO.Grains.Interfaces.Events;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Users;
using static Microsoft.Playwright.Assertions;

namespace OO.Browser.Tests;

/// <summary>
/// The operators' console in Chromium: an administrator sees each page with data and acts from the user page
/// (each action confirmed, then audited); anyone else gets 403 or the sign-in page, never data.
/// </summary>
public sealed class AdminConsoleTests(AdminConsoleTests.WithAdmin fixture) : IClassFixture<AdminConsoleTests.WithAdmin>
{
    private static readonly string[] Pages = ["/admin", "/admin/users", "/admin/recommendations", "/admin/rewards", "/admin/policies"];

    [Fact]
    public async Task An_administrator_sees_every_page_with_the_tip_they_reacted_to()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        var (userId, tipContent) = await ReactToATipAsync(page, WithAdmin.Email);
        var problems = new PageProblems(page);

        await page.GotoAsync("/admin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Expect(page.Locator(".card", new() { HasText = "Tips served" }).Locator("dd")).Not.ToHaveTextAsync("0");
        // Other tests of this class share the host, so only "some tips, some done" is certain here (the API tests pin the numbers).
        await Expect(page.Locator(".card", new() { HasText = "Done rate" }).Locator("dd")).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(–|0.0 %)$"));
        await Screenshots.SaveAsync(page, "admin-overview");

        await page.GotoAsync("/admin/users");
        await page.GetByLabel("Email or user id").FillAsync(WithAdmin.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = WithAdmin.Email }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"User {userId}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = tipContent })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-user");

        await page.GotoAsync("/admin/recommendations");
        await Expect(page.GetByText("(served)").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-recommendations");

        await page.GotoAsync("/admin/rewards");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "By policy" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "demo", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-rewards");

        await page.GotoAsync("/admin/policies");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "active", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-policies");

        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task Actions_on_the_user_page_are_confirmed_first_and_then_audited()
    {
        var person = await fixture.NewPageAsync();
        await Person.DevSignInAsync(person, Person.NewEmail());
        var userId = (await Person.SignedInMeAsync(person)).GetProperty("userId").GetString()!;
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await Person.DevSignInAsync(page, WithAdmin.Email);
        var before = await AuditCountAsync(userId);

        await page.GotoAsync($"/admin/users/{userId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reset the bandit…" }).ClickAsync();
        Assert.Equal(before, await AuditCountAsync(userId));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, reset the bandit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The bandit was reset.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Set a policy override…" }).ClickAsync();
        await page.Locator("select[name=Policy]").SelectOptionAsync("thompson");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, set the policy" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The policy is now thompson.");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Serving policy" })).ToContainTextAsync("thompson");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rebuild the profile…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, rebuild the profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The profile was rebuilt.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Revoke…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Revoked demo.");
        await Expect(page.GetByText("No sources connected.")).ToBeVisibleAsync();

        Assert.Equal(["bandit.reset", "policy.set", "profile.rebuild", "integration.revoke"], await AuditActionsAsync(userId));
    }

    [Fact]
    public async Task The_user_page_shows_a_written_candidate_and_replays_an_event_once_confirmed_and_audited()
    {
        var person = await fixture.NewPageAsync();
        await Person.DevSignInAsync(person, Person.NewEmail());
        var userId = (await Person.SignedInMeAsync(person)).GetProperty("userId").GetString()!;
        var advice = new TipCandidate("Block half an hour for the hardest task before lunch", TipKind.Advice, "ai", Guid.NewGuid().ToString("N"), "test-model", "advice-v1", 0.7);
        // As the generator's answer comes back to the user's grain.
        await fixture.Host.Grains.GetGrain<IUserCandidates>(userId).AcceptGenerated(
            new GenerationResult(GenerationOutcome.Generated, [advice], [null], "test-model", "advice-v1", 1, new Dictionary<string, int>(), 500, 300, 60, "0123abcd", 640),
            DateTimeOffset.UtcNow, [0UL]);
        var synced = await StoredEventAsync(userId, EventSubjects.TaskSynced);
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await Person.DevSignInAsync(page, WithAdmin.Email);
        var problems = new PageProblems(page);

        await page.GotoAsync($"/admin/users/{userId}");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = advice.Content })).ToContainTextAsync("test-model / advice-v1");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = EventSubjects.TaskSynced }).First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Replay event {synced.Id}", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Replay event {synced.Id}?" })).ToBeVisibleAsync();
        Assert.DoesNotContain("event.replay", await AuditActionsAsync(userId));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, replay it" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("demo snapshot version");
        Assert.Equal(["event.replay"], await AuditActionsAsync(userId));
        Assert.Empty(problems.All);
    }

    [Fact]
    public async Task Someone_who_is_not_an_administrator_gets_403_and_a_stranger_the_sign_in_page()
    {
        var person = await fixture.NewPageAsync();
        await Person.DevSignInAsync(person, Person.NewEmail());
        var stranger = await fixture.NewPageAsync();

        foreach (var path in Pages.Append("/admin/users/someone"))
        {
            var response = await person.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Expect(person.Locator("body")).Not.ToContainTextAsync("Overview");

            await stranger.GotoAsync(path);
            Assert.Equal("/signin", new Uri(stranger.Url).AbsolutePath);
        }
    }

    private static async Task<(string UserId, string TipContent)> ReactToATipAsync(IPage page, string email)
    {
        await Person.DevSignInAsync(page, email);
        var userId = (await Person.SignedInMeAsync(page)).GetProperty("userId").GetString()!;
        var tipId = await Person.WaitForTipAsync(page);
        var content = await page.Locator("#tip-content").InnerTextAsync();
        var reaction = await page.APIRequest.PostAsync($"/api/tips/{tipId}/feedback", new() { DataObject = new { reaction = "done" } });
        Assert.True(reaction.Ok, $"feedback answered {reaction.Status}");
        // Analytics rows are written in batches: wait until the overview counts the reaction.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var overview = await (await page.APIRequest.GetAsync("/api/admin/overview")).JsonAsync();
            if (overview?.GetProperty("reactions").TryGetProperty("done", out _) == true)
            {
                break;
            }

            await page.WaitForTimeoutAsync(100);
        }

        return (userId, content.Trim());
    }

    /// <summary>The user's newest stored event of <paramref name="subject"/>, once the event writer has stored it.</summary>
    private async Task<OOEvent> StoredEventAsync(string userId, string subject)
    {
        var log = fixture.Host.Services.GetRequiredService<IEventLog>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (true)
        {
            var found = await log.QueryAsync(new EventFilter(SubjectPrefix: subject, UserId: userId, Limit: 1), CancellationToken.None);
            if (found.Count == 1 || DateTimeOffset.UtcNow > deadline)
            {
                return Assert.Single(found);
            }

            await Task.Delay(100);
        }
    }

    private async Task<long> AuditCountAsync(string userId) => (await AuditActionsAsync(userId)).Count;

    private async Task<List<string>> AuditActionsAsync(string userId)
    {
        var database = fixture.Host.Services.GetRequiredService<IAdminDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT action FROM oo_audit WHERE target = @target ORDER BY id";
        AdminSql.Add(command, "target", userId);
        var actions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }

    public sealed class WithAdmin : BrowserFixture
    {
        public const string Email = "console-admin@example.com";

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["OO:Auth:AdminEmails"] = Email,
        };
    }
}
