using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OO.Api.Admin;
using OO.Api.Auth;
using OO.Api.Http;
using OO.Api.Integrations;
using OO.Api.Me;
using OO.Api.OpenApi;
using OO.Api.Push;
using OO.Api.Tips;
using OO.Api.Webhooks;

namespace OO.Api;

public static class ApiExtensions
{
    /// <summary>The REST API's services: the cookie session, authorization, problem details and OpenAPI.</summary>
    public static IServiceCollection AddOOApi(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<AdminRoles>();
        services.AddSingleton<SessionSignIn>();
        services.AddSingleton<SessionValidator>();
        services.AddExceptionHandler<DeletedAccountExceptionHandler>();
        services.AddOOHttpEdge();
        services.AddOOGrainRetries();
        services.AddOORateLimits();
        services.AddProblemDetails();
        services.AddOOOpenApi();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "oo.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/signin";
                cookie.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
                // A 30-day sliding cookie is re-checked on every request: revoked, deleted or demoted users lose it at once.
                cookie.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(context);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(OOClaims.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(OOClaims.AdminRole));
        return services;
    }

    /// <summary>
    /// Cookies are Secure everywhere but where people reach oO over plain HTTP on this machine (how
    /// people develop): decided by <c>OO:PublicBaseUrl</c> when set, not by the Host a request names.
    /// </summary>
    public static IApplicationBuilder UseOOCookiePolicy(this IApplicationBuilder app)
    {
        var origin = app.ApplicationServices.GetRequiredService<PublicOrigin>();
        return app.UseCookiePolicy(new CookiePolicyOptions
        {
            OnAppendCookie = context => context.CookieOptions.Secure = origin.SecureCookies(context.Context.Request),
            OnDeleteCookie = context => context.CookieOptions.Secure = origin.SecureCookies(context.Context.Request),
        });
    }

    /// <summary>Maps every REST endpoint; everything under <c>/api</c> but the signed webhooks requires a signed-in user.</summary>
    public static IEndpointRouteBuilder MapOOApi(this IEndpointRouteBuilder app)
    {
        app.MapOOOpenApi();
        app.MapAuthApi();
        app.MapExternalSignIn();
        app.MapTipsApi().RequireAuthorization();
        app.MapMeApi().RequireAuthorization();
        app.MapSettingsApi().RequireAuthorization();
        app.MapIntegrationsApi().RequireAuthorization();
        // Anonymous: each delivery is verified by its provider's signature instead.
        app.MapWebhooksApi();
        app.MapPushApi().RequireAuthorization();
        app.MapAdminApi().RequireAuthorization(OOClaims.AdminPolicy);
        return app;
    }

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // API callers get a status to act on; people opening a page are sent to sign in.
        if (context.Request.Path.StartsWithSegments("/api") || status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
