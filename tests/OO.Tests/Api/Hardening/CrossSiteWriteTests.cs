using System.Net;
using System.Net.Http.Json;
using System.Text;
using OO.Testing;

namespace OO.Tests.Api.Hardening;

/// <summary>
/// A page on another site can send a POST with the person's cookie, but never one with a JSON
/// content type: so every POST under /api and /auth requires one, bodyless included.
/// </summary>
public sealed class CrossSiteWriteTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    [Theory]
    [InlineData("/api/push/test", null)]
    [InlineData("/api/push/test", "text/plain")]
    [InlineData("/api/push/test", "application/x-www-form-urlencoded")]
    [InlineData("/auth/signout", null)]
    [InlineData("/auth/signout", "multipart/form-data; boundary=x")]
    public async Task A_POST_without_a_JSON_content_type_is_415_and_changes_nothing(string path, string? contentType)
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (contentType is not null)
        {
            request.Content = new StringContent("", Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // Still signed in: the sign-out did not happen.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_bodyless_admin_reset_without_a_content_type_is_415()
    {
        var admin = await fixture.Host.SignInAsync("root@example.com");
        var target = await (await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail())).GetFromJsonAsync<Me>("/api/me");

        using var bare = await admin.PostAsync($"/api/admin/users/{target!.UserId}/reset-bandit", content: null);
        using var json = await admin.PostAsync($"/api/admin/users/{target.UserId}/reset-bandit", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, bare.StatusCode);
        // The same call as the admin page makes it (JSON, {}) is accepted.
        Assert.True(json.IsSuccessStatusCode, $"{(int)json.StatusCode}");
    }

    [Fact]
    public async Task Signing_out_with_JSON_works()
    {
        var client = await fixture.Host.SignInAsync(EmbeddedHostFixture.NewEmail());

        using var response = await client.PostAsync("/auth/signout", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    private sealed record Me(string UserId);
}
