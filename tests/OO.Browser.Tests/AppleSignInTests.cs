using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OO.Api.Auth;
using OO.Browser.Tests.Infrastructure;

namespace OO.Browser.Tests;

/// <summary>
/// Sign in with Apple, configured against the stand-in: offered next to Google, asks for a
/// form_post answer with PKCE and a nonce, and signs its client secret as Apple requires.
/// </summary>
public sealed class AppleSignInTests(AppleSignInTests.WithApple fixture) : IClassFixture<AppleSignInTests.WithApple>
{
    [Fact]
    public async Task Apple_is_offered_when_configured()
    {
        using var client = fixture.Host.CreateClient();

        var offer = await client.GetStringAsync("/auth/providers?returnUrl=%2Fsettings");

        Assert.Contains("""{"name":"apple","displayName":"Apple","signInUrl":"/auth/apple?returnUrl=%2Fsettings"}""", offer);
    }

    [Fact]
    public async Task Signing_in_with_Apple_asks_for_a_form_post_code_with_PKCE_and_a_nonce()
    {
        using var client = fixture.Host.CreateClient();

        var response = await client.GetAsync("/auth/apple?returnUrl=%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith($"{fixture.StandIn.Issuer}/authorize", location.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("form_post", query["response_mode"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.EndsWith("/signin-apple", query["redirect_uri"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_secret_is_an_ES256_token_from_the_team_about_the_service()
    {
        var options = new AppleSignInOptions
        {
            ClientId = "com.example.oo", TeamId = "TEAM123456", KeyId = "KEY1234567", PrivateKey = fixture.PrivateKeyPem,
        };

        var secret = new AppleClientSecret(options, TimeProvider.System).Create();

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(secret, new TokenValidationParameters
        {
            ValidIssuer = "TEAM123456",
            ValidAudience = "https://appleid.apple.com",
            IssuerSigningKey = new ECDsaSecurityKey(fixture.PublicKey),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal("ES256", token.Alg);
        Assert.Equal("KEY1234567", token.Kid);
        Assert.Equal("com.example.oo", token.Subject);
        Assert.True(token.ValidTo <= DateTime.UtcNow.AddMinutes(10));
    }

    /// <summary>A host with Apple configured (the stand-in as its authority) next to Google.</summary>
    public sealed class WithApple : BrowserFixture
    {
        private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        public string PrivateKeyPem { get; } = Key.ExportPkcs8PrivateKeyPem();

        public ECDsa PublicKey { get; } = ECDsa.Create(Key.ExportParameters(includePrivateParameters: false));

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["OO:Auth:Apple:Authority"] = StandIn.Issuer,
            ["OO:Auth:Apple:ClientId"] = "com.example.oo",
            ["OO:Auth:Apple:TeamId"] = "TEAM123456",
            ["OO:Auth:Apple:KeyId"] = "KEY1234567",
            ["OO:Auth:Apple:PrivateKey"] = PrivateKeyPem,
        };
    }
}
