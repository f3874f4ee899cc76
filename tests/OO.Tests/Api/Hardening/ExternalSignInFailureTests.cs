using System.Net;
using OO.Testing;
using OO.Testing.StandIns;

namespace OO.Tests.Api.Hardening;

/// <summary>
/// When the OpenID Connect provider fails (unreachable, the person declines, a forged callback) the
/// person goes back to /signin with a reason, never to an error page; and no remote sign-out path
/// lets another page end a session.
/// </summary>
public sealed class ExternalSignInFailureTests
{
    [Fact]
    public async Task An_unreachable_provider_sends_the_person_back_to_sign_in_with_a_reason()
    {
        await using var oo = await StartAsync($"http://127.0.0.1:{FreePort.Next()}");

        using var response = await oo.CreateClient().GetAsync("/auth/google?returnUrl=%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?error=provider_unavailable", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Declining_at_the_provider_sends_the_person_back_to_sign_in_with_a_reason()
    {
        await using var provider = await OidcStandIn.StartAsync();
        provider.AuthorizeError = "access_denied";
        await using var oo = await StartAsync(provider.Issuer);
        using var browser = oo.CreateClient();
        using var toProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var challenge = await browser.GetAsync("/auth/google?returnUrl=%2F");
        using var answer = await toProvider.GetAsync(challenge.Headers.Location);
        using var callback = await browser.GetAsync(answer.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/signin?error=access_denied", callback.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/signin-google?code=forged&state=forged")]
    [InlineData("/signin-google?error=server_error&state=forged")]
    public async Task A_forged_callback_sends_the_person_back_to_sign_in(string callback)
    {
        await using var provider = await OidcStandIn.StartAsync();
        await using var oo = await StartAsync(provider.Issuer);

        using var response = await oo.CreateClient().GetAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?error=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/signout-google")]
    [InlineData("/signout-callback-google")]
    [InlineData("/signout-callback-oidc")]
    public async Task No_remote_sign_out_path_ends_a_session(string path)
    {
        await using var provider = await OidcStandIn.StartAsync();
        await using var oo = await StartAsync(provider.Issuer);
        var client = await oo.SignInAsync($"remote-{Guid.NewGuid():N}@example.com");

        await client.GetAsync(path);
        await client.PostAsync(path, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    private static Task<OOTestHost> StartAsync(string authority) =>
        OOTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-edge-{Guid.NewGuid():N}"),
            ["OO:Auth:Google:Authority"] = authority,
            ["OO:Auth:Google:ClientId"] = OidcStandIn.ClientId,
            ["OO:Auth:Google:ClientSecret"] = OidcStandIn.ClientSecret,
        });
}
