using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OO.Testing.StandIns;

/// <summary>
/// A local OpenID Connect provider that follows the public contract closely enough for ASP.NET
/// Core's handler to be the real one: discovery, JWKS, an authorize endpoint that answers with a
/// code (honouring state), and a token endpoint that checks the PKCE verifier and returns an
/// RS256 id_token carrying the nonce. It signs in <see cref="NextUser"/> without asking.
/// </summary>
public sealed class OidcStandIn : IAsyncDisposable
{
    public const string ClientId = "oo-browser-tests";
    public const string ClientSecret = "stand-in-client-secret";

    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private WebApplication? _app;
    private int _verifiedExchanges;

    private OidcStandIn() => _key = new RsaSecurityKey(_rsa) { KeyId = "stand-in-key" };

    public string Issuer { get; private set; } = "";

    public StandInUser NextUser { get; set; } = new("subject-0", "someone@example.com");

    /// <summary>Token requests whose code, client, redirect URI and PKCE verifier all checked out.</summary>
    public int VerifiedExchanges => _verifiedExchanges;

    /// <summary>When set, the authorize endpoint answers with this OAuth error (e.g. <c>access_denied</c>) instead of a code.</summary>
    public string? AuthorizeError { get; set; }

    /// <summary>The last authorization request's parameters, as the browser sent them.</summary>
    public IReadOnlyDictionary<string, string> LastAuthorizeRequest { get; private set; } = new Dictionary<string, string>();

    public static async Task<OidcStandIn> StartAsync()
    {
        var standIn = new OidcStandIn();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", standIn.Discovery);
        app.MapGet("/jwks", standIn.Keys);
        app.MapGet("/authorize", standIn.Authorize);
        app.MapPost("/token", standIn.Token);
        await app.StartAsync();
        standIn._app = app;
        standIn.Issuer = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single().TrimEnd('/');
        return standIn;
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Issuer}/authorize",
        ["token_endpoint"] = $"{Issuer}/token",
        ["jwks_uri"] = $"{Issuer}/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["scopes_supported"] = new[] { "openid", "email" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["claims_supported"] = new[] { "sub", "email", "email_verified", "nonce" },
    });

    private IResult Keys()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId,
                    n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query.ToDictionary(p => p.Key, p => p.Value.ToString());
        LastAuthorizeRequest = query;
        string Get(string name) => query.GetValueOrDefault(name, "");

        if (Get("client_id") != ClientId || Get("response_type") != "code" || !Get("scope").Split(' ').Contains("openid")
            || Get("code_challenge_method") != "S256" || Get("code_challenge").Length < 43
            || Get("state").Length == 0 || Get("nonce").Length == 0
            || !Uri.TryCreate(Get("redirect_uri"), UriKind.Absolute, out var redirect))
        {
            return Results.BadRequest("The authorization request is not one this provider accepts.");
        }

        if (AuthorizeError is { } error)
        {
            return Results.Redirect($"{redirect}?error={Uri.EscapeDataString(error)}&state={Uri.EscapeDataString(Get("state"))}");
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new PendingCode(redirect.ToString(), Get("code_challenge"), Get("nonce"), NextUser);
        return Results.Redirect($"{redirect}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(Get("state"))}");
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        string Get(string name) => form[name].ToString();

        if (Get("grant_type") != "authorization_code" || !_codes.TryRemove(Get("code"), out var pending))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        if (Get("client_id") != ClientId || Get("client_secret") != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Get("code_verifier"))));
        if (Get("redirect_uri") != pending.RedirectUri || challenge != pending.CodeChallenge)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "PKCE or redirect_uri mismatch" },
                statusCode: StatusCodes.Status400BadRequest);
        }

        Interlocked.Increment(ref _verifiedExchanges);
        var accessToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = pending.User.Subject,
                ["email"] = pending.User.Email,
                ["email_verified"] = true,
                ["nonce"] = pending.Nonce,
                ["at_hash"] = Base64UrlEncoder.Encode(hash[..(hash.Length / 2)]),
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["id_token"] = idToken,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _rsa.Dispose();
    }

    private sealed record PendingCode(string RedirectUri, string CodeChallenge, string Nonce, StandInUser User);
}
