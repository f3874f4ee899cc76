using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OO.Admin.Operations.Audit;
using OO.Admin.Sql;
using OO.Api.Me;
using OO.Testing;

namespace OO.Tests.Operations;

/// <summary>The SQL runner's and the audit log's API on a running host: admins only, writes refused, every action findable.</summary>
public sealed class SqlAndAuditApiTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private const string Admin = "root@example.com";

    [Fact]
    public async Task An_admin_runs_a_query_and_finds_the_run_in_the_audit_log()
    {
        var admin = await fixture.Host.SignInAsync(Admin);
        var adminId = (await admin.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        var marker = Guid.NewGuid().ToString("N");

        var response = await admin.PostAsJsonAsync("/api/admin/sql", new { sql = $"SELECT 1 AS one, '{marker}' AS marker" });

        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["one", "marker"], result.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(marker, result.GetProperty("rows")[0][1].GetString());
        Assert.False(result.GetProperty("truncated").GetBoolean());
        var audit = await admin.GetFromJsonAsync<List<AuditEntry>>($"/api/admin/audit?q={marker}");
        var run = Assert.Single(audit!);
        Assert.Equal((adminId, Admin, SqlRunner.AuditAction, "database"), (run.Actor, run.ActorEmail, run.Action, run.Target));
    }

    [Theory]
    [InlineData("DELETE FROM oo_audit")]
    [InlineData("SELECT 1; DELETE FROM oo_audit")]
    [InlineData("WITH w AS (SELECT 1) DELETE FROM oo_audit")]
    [InlineData("SELECT * FROM no_such_table")]
    public async Task A_refused_query_is_a_400_problem_with_the_reason_and_changes_nothing(string sql)
    {
        var admin = await fixture.Host.SignInAsync(Admin);
        var before = await AnalyticsRows.CountAsync(fixture.Settings, "oo_audit", "1 = 1");

        var response = await admin.PostAsJsonAsync("/api/admin/sql", new { sql });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.False(string.IsNullOrWhiteSpace(problem!.Detail));
        Assert.True(await AnalyticsRows.CountAsync(fixture.Settings, "oo_audit", "1 = 1") >= before);
    }

    [Fact]
    public async Task The_saved_queries_all_run()
    {
        var admin = await fixture.Host.SignInAsync(Admin);
        var saved = await admin.GetFromJsonAsync<List<SavedQueryView>>("/api/admin/sql/saved");

        Assert.Equal(SavedQueries.All.Count, saved!.Count);
        foreach (var query in saved)
        {
            var response = await admin.PostAsJsonAsync("/api/admin/sql", new { sql = query.Sql });
            Assert.True(response.IsSuccessStatusCode, $"{query.Name}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task An_admin_action_on_a_user_is_searchable_by_target_actor_and_text()
    {
        var (user, userId) = await NewUserAsync();
        var admin = await fixture.Host.SignInAsync(Admin);
        var adminId = (await admin.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{userId}/reset-bandit", JsonContent.Create(new { }))).StatusCode);

        var byTarget = await admin.GetFromJsonAsync<List<AuditEntry>>($"/api/admin/audit?target={userId}");
        var reset = Assert.Single(byTarget!);
        Assert.Equal((adminId, "bandit.reset", userId), (reset.Actor, reset.Action, reset.Target));
        Assert.Contains((await admin.GetFromJsonAsync<List<AuditEntry>>($"/api/admin/audit?actor={adminId}&q=BANDIT"))!, e => e.Id == reset.Id);
        Assert.Empty((await admin.GetFromJsonAsync<List<AuditEntry>>($"/api/admin/audit?target={userId}&since=2999-01-01"))!);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/admin/audit?since=yesterday-ish")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteAsync("/api/me")).StatusCode);

        Assert.Empty((await admin.GetFromJsonAsync<List<AuditEntry>>($"/api/admin/audit?target={userId}"))!);
        var kept = Assert.Single((await admin.GetFromJsonAsync<List<AuditEntry>>($"/api/admin/audit?actor={adminId}"))!, e => e.Id == reset.Id);
        Assert.StartsWith("erased-", kept.Target, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/admin/audit")]
    [InlineData("GET", "/api/admin/sql/saved")]
    [InlineData("POST", "/api/admin/sql")]
    public async Task A_person_who_is_not_admin_gets_403_and_no_data(string method, string path)
    {
        var (user, _) = await NewUserAsync();
        var anonymous = fixture.Host.CreateClient();
        var request = () => new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { sql = "SELECT * FROM oo_audit" }) : null };

        var forbidden = await user.SendAsync(request());
        var signedOut = await anonymous.SendAsync(request());

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        Assert.DoesNotContain("columns", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, string UserId)> NewUserAsync()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        return (client, (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId);
    }
}
