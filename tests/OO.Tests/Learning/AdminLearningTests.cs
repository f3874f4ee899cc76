using System.Net;
using System.Net.Http.Json;
using OO.Api.Me;
using OO.Grains.Interfaces.Admin;
using OO.Testing;
using OO.Tests.Api;

namespace OO.Tests.Learning;

/// <summary>Administrators see and steer what the bandit learned; every write leaves an audit row.</summary>
public sealed class AdminLearningTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private const string Admin = "root@example.com";

    [Fact]
    public async Task The_admin_view_shows_served_tips_with_policy_propensity_and_reward()
    {
        var (user, userId) = await NewUserAsync();
        var tip = await TipRoundTripTests.NextTipAsync(user);
        (await user.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 30_000 })).EnsureSuccessStatusCode();

        var admin = await fixture.Host.SignInAsync(Admin);
        var view = await admin.GetFromJsonAsync<UserAdminView>($"/api/admin/users/{userId}");

        var served = Assert.Single(view!.RecentTips);
        Assert.Equal(tip.TipId, served.TipId);
        Assert.Equal("linucb", served.Policy);
        Assert.InRange(served.Propensity, 0.0001, 1.0);
        Assert.Equal(("done", 1.0), (served.Reaction, served.Reward));
        Assert.Equal(1, view.ModelUpdates);
        Assert.Contains("thompson", view.ShadowPolicies);
    }

    [Fact]
    public async Task Reactions_compute_the_profile_reading_it_never_does_and_a_rebuild_does()
    {
        var (user, userId) = await NewUserAsync();
        foreach (var reaction in new[] { "done", "snooze", "dismiss", "done" })
        {
            var tip = await TipRoundTripTests.NextTipAsync(user);
            (await user.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction, dwellMs = 20_000 })).EnsureSuccessStatusCode();
        }

        var admin = await fixture.Host.SignInAsync(Admin);
        var before = await admin.GetFromJsonAsync<List<ProfileFeatureView>>($"/api/admin/users/{userId}/profile");
        var completion = before!.Single(f => f.Name == "completion_rate");
        Assert.Equal(0.5, completion.Value!.Value, 6);
        Assert.NotNull(completion.ComputedAt);
        Assert.True(completion.Fresh);
        Assert.Equal(TimeSpan.FromDays(1), completion.Ttl);
        Assert.Contains(before!, f => f is { Name: "meaning_0_x_hour_sin", Scope: "interaction", Ttl: null });
        var readAgain = await admin.GetFromJsonAsync<List<ProfileFeatureView>>($"/api/admin/users/{userId}/profile");
        Assert.Equal(completion.ComputedAt, readAgain!.Single(f => f.Name == "completion_rate").ComputedAt);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{userId}/profile/rebuild", JsonContent.Create(new { }))).StatusCode);

        var after = await admin.GetFromJsonAsync<List<ProfileFeatureView>>($"/api/admin/users/{userId}/profile");
        var rebuilt = after!.Single(f => f.Name == "completion_rate");
        Assert.Equal(0.5, rebuilt.Value!.Value, 6);
        Assert.True(rebuilt.ComputedAt > completion.ComputedAt);
        Assert.True(rebuilt.Fresh);
        Assert.Equal(0.25, after!.Single(f => f.Name == "snooze_rate").Value!.Value, 6);
        await AssertAuditedAsync(userId, "profile.rebuild");
    }

    [Fact]
    public async Task Resetting_the_bandit_forgets_what_it_learned_and_is_audited()
    {
        var (user, userId) = await NewUserAsync();
        var tip = await TipRoundTripTests.NextTipAsync(user);
        (await user.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "dismiss", dwellMs = 500 })).EnsureSuccessStatusCode();
        var admin = await fixture.Host.SignInAsync(Admin);
        Assert.Equal(1, (await admin.GetFromJsonAsync<UserAdminView>($"/api/admin/users/{userId}"))!.ModelUpdates);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{userId}/reset-bandit", JsonContent.Create(new { }))).StatusCode);

        Assert.Equal(0, (await admin.GetFromJsonAsync<UserAdminView>($"/api/admin/users/{userId}"))!.ModelUpdates);
        await AssertAuditedAsync(userId, "bandit.reset");
    }

    [Fact]
    public async Task A_per_user_policy_override_serves_the_next_tip()
    {
        var (user, userId) = await NewUserAsync();
        var admin = await fixture.Host.SignInAsync(Admin);

        var invalid = await admin.PutAsJsonAsync($"/api/admin/users/{userId}/policy", new { policy = "greedy-and-lucky" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/admin/users/{userId}/policy", new { policy = "thompson" })).StatusCode);

        var tip = await TipRoundTripTests.NextTipAsync(user);
        var view = await admin.GetFromJsonAsync<UserAdminView>($"/api/admin/users/{userId}");
        Assert.Equal("thompson", view!.ActivePolicy);
        Assert.Equal("thompson", Assert.Single(view.RecentTips).Policy);
        Assert.Equal(tip.TipId, view.RecentTips[0].TipId);
        await AssertAuditedAsync(userId, "policy.set");
    }

    [Fact]
    public async Task Admin_endpoints_refuse_people_who_are_not_admins_and_unknown_users_are_404()
    {
        var (user, userId) = await NewUserAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync($"/api/admin/users/{userId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsync($"/api/admin/users/{userId}/reset-bandit", JsonContent.Create(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Host.CreateClient().GetAsync($"/api/admin/users/{userId}/profile")).StatusCode);

        var admin = await fixture.Host.SignInAsync(Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/users/nobody-here")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/admin/users/nobody-here/reset-bandit", JsonContent.Create(new { }))).StatusCode);
    }

    private async Task<(HttpClient Client, string UserId)> NewUserAsync()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        return (client, me!.UserId);
    }

    // An audit row is written before the write is acknowledged, so it is there at once. It names the admin by user id.
    private async Task AssertAuditedAsync(string userId, string action)
    {
        var adminId = (await (await fixture.Host.SignInAsync(Admin)).GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        Assert.Equal(1, await AnalyticsRows.CountAsync(fixture.Settings, "oo_audit", $"target = '{userId}' AND action = '{action}' AND actor = '{adminId}'"));
    }
}
