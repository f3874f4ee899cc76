using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OO.Api.Http;

namespace OO.Api.Auth;

/// <summary>
/// Sign in with Google and Apple through ASP.NET Core's OpenID Connect handler: authorization
/// code with PKCE, state and nonce checked by the handler, and the login turned into oO's own
/// session cookie (<see cref="ExternalSignInEvents"/>). Providers are registered only when configured.
/// </summary>
public static class ExternalSignIn
{
    public const string Google = "google";
    public const string Apple = "apple";

    public static IServiceCollection AddOOExternalSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var google = configuration.GetSection(GoogleSignInOptions.Section).Get<GoogleSignInOptions>() ?? new GoogleSignInOptions();
        var apple = configuration.GetSection(AppleSignInOptions.Section).Get<AppleSignInOptions>() ?? new AppleSignInOptions();
        var authentication = services.AddAuthentication();
        List<ExternalScheme> schemes = [];

        if (google.IsConfigured)
        {
            var requireHttps = RequiresHttps(GoogleSignInOptions.Section, google.Authority);
            authentication.AddOpenIdConnect(Google, "Google", options =>
            {
                Configure(options, Google, google.Authority, google.ClientId, requireHttps);
                options.ClientSecret = google.ClientSecret;
                // The code comes back on a top-level GET, so Lax correlation cookies reach us (and work on plain-HTTP loopback too).
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
            });
            schemes.Add(new ExternalScheme(Google, "Google"));
        }

        if (apple.IsConfigured)
        {
            var requireHttps = RequiresHttps(AppleSignInOptions.Section, apple.Authority);
            var secret = new AppleClientSecret(apple, TimeProvider.System);
            authentication.AddOpenIdConnect(Apple, "Apple", options =>
            {
                Configure(options, Apple, apple.Authority, apple.ClientId, requireHttps);
                // Apple posts the code back when email is asked for; the cookies stay SameSite=None (the default) for that cross-site POST.
                options.ResponseMode = OpenIdConnectResponseMode.FormPost;
                options.Events.OnAuthorizationCodeReceived = context =>
                {
                    context.TokenEndpointRequest?.ClientSecret = secret.Create();
                    return Task.CompletedTask;
                };
            });
            schemes.Add(new ExternalScheme(Apple, "Apple"));
        }

        services.AddSingleton(new ExternalSchemes(schemes));
        return services;
    }

    /// <summary>Maps <c>GET /auth/providers</c> and <c>GET /auth/{provider}</c> for each configured provider.</summary>
    public static RouteGroupBuilder MapExternalSignIn(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/auth").WithTags("Auth");
        group.MapGet("/providers", GetProviders)
            .WithName("getSignInProviders")
            .WithSummary("List sign-in providers")
            .WithDescription("The providers offered here, each with its sign-in URL, and whether development sign-in is offered to this caller.");
        foreach (var scheme in app.ServiceProvider.GetRequiredService<ExternalSchemes>().All)
        {
            group.MapGet($"/{scheme.Name}", (string? returnUrl, HttpContext http) => Challenge(scheme.Name, returnUrl, http))
                .WithName($"signInWith{scheme.DisplayName}")
                .WithSummary($"Sign in with {scheme.DisplayName}")
                .WithDescription("Redirects to the provider's sign-in page, then back to `returnUrl` (a local path) with a session.")
                .Produces(StatusCodes.Status302Found);
        }

        return group;
    }

    private static Ok<ProvidersResponse> GetProviders(string? returnUrl, HttpContext http, ExternalSchemes schemes, IOptions<AuthOptions> auth)
    {
        var back = Uri.EscapeDataString(ReturnUrl.LocalOrRoot(returnUrl));
        var providers = schemes.All.Select(s => new ExternalProvider(s.Name, s.DisplayName, $"/auth/{s.Name}?returnUrl={back}")).ToList();
        // Development sign-in answers only local callers; offer it only to them.
        var devSignIn = auth.Value.DevSignIn && Loopback.IsLocalRequest(http);
        return TypedResults.Ok(new ProvidersResponse(providers, devSignIn));
    }

    /// <summary>
    /// Sends the browser to the provider. The handler first reads the provider's discovery document;
    /// when the provider cannot be reached the person goes back to the sign-in page with a message.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, RedirectHttpResult>> Challenge(string scheme, string? returnUrl, HttpContext http)
    {
        try
        {
            await http.ChallengeAsync(scheme, new AuthenticationProperties { RedirectUri = ReturnUrl.LocalOrRoot(returnUrl) });
            return TypedResults.Empty;
        }
        catch (Exception error) when (!http.Response.HasStarted && error is InvalidOperationException or HttpRequestException or IOException)
        {
            ExternalSignInEvents.LogProviderUnavailable(http, scheme, error);
            return TypedResults.Redirect(ExternalSignInEvents.ProviderUnavailablePath);
        }
    }

    private static void Configure(OpenIdConnectOptions options, string scheme, string authority, string clientId, bool requireHttps)
    {
        options.Authority = authority;
        options.RequireHttpsMetadata = requireHttps;
        options.ClientId = clientId;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.CallbackPath = $"/signin-{scheme}";
        // oO never signs out at the provider: with no path, the handler answers no remote sign-out
        // request (a GET any page could embed to end the person's session).
        options.SignedOutCallbackPath = PathString.Empty;
        options.RemoteSignOutPath = PathString.Empty;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("email");
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.DisableTelemetry = true;
        options.Events.OnTicketReceived = ExternalSignInEvents.OnTicketReceived(scheme);
        options.Events.OnRemoteFailure = ExternalSignInEvents.OnRemoteFailure;
        options.Events.OnAccessDenied = ExternalSignInEvents.OnAccessDenied;
        options.Events.OnRedirectToIdentityProvider = ExternalSignInEvents.OnRedirectToIdentityProvider;
    }

    /// <summary>HTTPS everywhere; plain HTTP only for an authority on this machine (a stand-in provider).</summary>
    private static bool RequiresHttps(string section, string authority)
    {
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"{section}:Authority must be an absolute https URL; it is '{authority}'.");
        }

        var loopback = uri.IsLoopback;
        if (uri.Scheme == Uri.UriSchemeHttp && !loopback)
        {
            throw new InvalidOperationException($"{section}:Authority must use https (plain http is allowed only on a loopback address).");
        }

        return !loopback;
    }
}
