using System.Net;
using System.Net.Http.Json;
using OO.Api.Me;
using OO.Testing;

namespace OO.Tests.Api;

/// <summary>The Orleans dashboard opens for administrators only.</summary>
public sealed class DashboardAccessTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await fixture.Host.CreateClient().GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_signed_in_person_who_is_not_admin_gets_403()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        var response = await client.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_by_configured_email_opens_the_dashboard()
    {
        var client = await fixture.Host.SignInAsync("root@example.com");
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.True(me!.IsAdmin);

        var response = await client.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
