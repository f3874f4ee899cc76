using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using OO.Todoist.Tests.Support;

namespace OO.Todoist.Tests;

public sealed class OAuthTests
{
    [Fact]
    public async Task Authorize_url_carries_client_id_scopes_state_and_redirect_uri()
    {
        await using var host = await TodoistTestHost.StartAsync(new() { ["OO:Todoist:Scopes"] = "data:read_write,data:delete" });
        var redirect = new Uri("https://oo.example/api/integrations/todoist/callback?x=1");

        var url = host.OAuth.BuildAuthorizeUrl("state with spaces&more", redirect);

        Assert.Equal($"{host.StandIn.AuthBaseUrl}/authorize", url.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal(host.StandIn.ClientId, query["client_id"]);
        Assert.Equal("data:read_write,data:delete", query["scope"]);
        Assert.Equal("state with spaces&more", query["state"]);
        Assert.Equal(redirect.AbsoluteUri, query["redirect_uri"]);
    }

    [Fact]
    public async Task Authorize_url_leaves_out_redirect_uri_when_none_is_given()
    {
        await using var host = await TodoistTestHost.StartAsync();

        var query = QueryHelpers.ParseQuery(host.OAuth.BuildAuthorizeUrl("s1").Query);

        Assert.False(query.ContainsKey("redirect_uri"));
        Assert.Equal("data:read_write", query["scope"]);
    }

    [Fact]
    public async Task Authorize_then_exchange_gives_working_tokens_and_sends_the_expected_form()
    {
        await using var host = await TodoistTestHost.StartAsync();
        host.StandIn.AuthorizingUserId = "42";
        host.StandIn.AddTask("42", "Water the plants");
        var redirect = new Uri("https://oo.example/callback");

        // The browser's part: follow the authorize URL and read where Todoist sends it back.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await browser.GetAsync(host.OAuth.BuildAuthorizeUrl("xyz-state", redirect));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, answer.StatusCode);
        var callback = answer.Headers.Location!;
        Assert.Equal("https://oo.example/callback", callback.GetLeftPart(UriPartial.Path));
        var callbackQuery = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("xyz-state", callbackQuery["state"]);

        var tokens = await host.OAuth.ExchangeCodeAsync(callbackQuery["code"]!, redirect);

        var form = Assert.Single(host.StandIn.TokenRequests);
        Assert.Equal(host.StandIn.ClientId, form["client_id"]);
        Assert.Equal(host.StandIn.ClientSecret, form["client_secret"]);
        Assert.Equal(callbackQuery["code"].ToString(), form["code"]);
        Assert.Equal(redirect.AbsoluteUri, form["redirect_uri"]);
        Assert.True(tokens.CanRefresh);
        Assert.Null(tokens.ExpiresAt);
        var task = Assert.Single(await host.Api.GetActiveTasksAsync(tokens.AccessToken));
        Assert.Equal("Water the plants", task.Content);
    }

    [Fact]
    public async Task Exchange_reports_the_expiry_when_Todoist_gives_one()
    {
        await using var host = await TodoistTestHost.StartAsync();
        host.StandIn.AccessTokenLifetime = TimeSpan.FromHours(1);
        var code = host.StandIn.IssueCode("7");
        var before = DateTimeOffset.UtcNow;

        var tokens = await host.OAuth.ExchangeCodeAsync(code);

        Assert.NotNull(tokens.ExpiresAt);
        Assert.InRange(tokens.ExpiresAt!.Value, before.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.False(host.StandIn.TokenRequests.Single().ContainsKey("redirect_uri"));
    }

    [Fact]
    public async Task A_code_works_once_and_a_second_exchange_asks_for_a_new_connection()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var code = host.StandIn.IssueCode("7");
        await host.OAuth.ExchangeCodeAsync(code);

        var fault = await Assert.ThrowsAsync<TodoistUnauthorizedException>(() => host.OAuth.ExchangeCodeAsync(code));

        Assert.Equal("invalid_grant", fault.OAuthError);
        Assert.Equal(2, host.StandIn.RequestCount("POST", "/oauth/access_token"));
    }

    [Fact]
    public async Task Code_exchange_is_never_retried_on_a_server_error()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var code = host.StandIn.IssueCode("7");
        host.StandIn.FailNext(1, 503, "/oauth/access_token");

        await Assert.ThrowsAsync<TodoistUnavailableException>(() => host.OAuth.ExchangeCodeAsync(code));

        Assert.Equal(1, host.StandIn.RequestCount("POST", "/oauth/access_token"));
    }

    [Fact]
    public async Task Refresh_rotates_the_pair_and_the_old_tokens_stop_working()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var old = host.Connect("7");

        var fresh = await host.OAuth.RefreshAsync(old.RefreshToken!);

        Assert.NotEqual(old.AccessToken, fresh.AccessToken);
        Assert.NotEqual(old.RefreshToken, fresh.RefreshToken);
        Assert.Equal("refresh_token", host.StandIn.TokenRequests.Single()["grant_type"]);
        await host.Api.GetActiveTasksAsync(fresh.AccessToken);
        await Assert.ThrowsAsync<TodoistUnauthorizedException>(() => host.OAuth.RefreshAsync(old.RefreshToken!));
        await Assert.ThrowsAsync<TodoistUnauthorizedException>(() => host.Api.GetActiveTasksAsync(old.AccessToken));
        var again = await host.OAuth.RefreshAsync(fresh.RefreshToken!);
        Assert.NotEqual(fresh.RefreshToken, again.RefreshToken);
    }

    [Fact]
    public async Task Revoke_sends_basic_client_credentials_and_the_token_then_fails()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");

        await host.OAuth.RevokeAsync(tokens.AccessToken);

        var revoke = Assert.Single(host.StandIn.RevokeRequests);
        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{host.StandIn.ClientId}:{host.StandIn.ClientSecret}"));
        Assert.Equal($"Basic {expected}", revoke.Authorization);
        Assert.Equal(tokens.AccessToken, revoke.Form["token"]);
        Assert.Equal("access_token", revoke.Form["token_type_hint"]);
        await Assert.ThrowsAsync<TodoistUnauthorizedException>(() => host.Api.GetActiveTasksAsync(tokens.AccessToken));
    }

    [Fact]
    public async Task Revoke_is_retried_through_a_short_outage_because_repeating_it_is_harmless()
    {
        await using var host = await TodoistTestHost.StartAsync();
        var tokens = host.Connect("7");
        host.StandIn.FailNext(2, 502, "/api/v1/revoke");

        await host.OAuth.RevokeAsync(tokens.AccessToken);

        Assert.Equal(3, host.StandIn.RequestCount("POST", "/api/v1/revoke"));
        await Assert.ThrowsAsync<TodoistUnauthorizedException>(() => host.Api.GetUserAsync(tokens.AccessToken));
    }

    [Fact]
    public async Task A_token_set_never_prints_its_tokens()
    {
        var tokens = new OAuth.TodoistTokenSet("access-secret-value", "refresh-secret-value", DateTimeOffset.UnixEpoch);

        var text = tokens.ToString();

        Assert.DoesNotContain("access-secret-value", text);
        Assert.DoesNotContain("refresh-secret-value", text);
    }
}
