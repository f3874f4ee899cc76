using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OO.Admin.Api;
using OO.Admin.Components;
using OO.Admin.Data;
using OO.Api.Auth;

namespace OO.Admin;

/// <summary>Adds the operators' console (<c>/admin</c>) and its JSON API (<c>/api/admin/…</c>) to the host.</summary>
public static class AdminExtensions
{
    /// <summary>
    /// The console's services; <typeparamref name="TDatabase"/> is the host's way to the analytics tables and
    /// <typeparamref name="TAudit"/> its audit log.
    /// </summary>
    public static IServiceCollection AddOOAdmin<TDatabase, TAudit>(this IServiceCollection services)
        where TDatabase : class, IAdminDatabase
        where TAudit : class, IAdminAudit
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddSingleton<IAdminDatabase, TDatabase>();
        services.AddSingleton<IAdminAudit, TAudit>();
        services.AddAdminQueries();
        return services;
    }

    /// <summary>
    /// Maps the console's pages and API, every one of them behind the admin policy: a visitor who is not
    /// signed in is sent to sign in, a signed-in non-admin gets 403 and no data. Call after authorization.
    /// </summary>
    /// <param name="staticAssetsManifest">
    /// The host's static web assets manifest (<c>{host}.staticwebassets.endpoints.json</c>), which serves Blazor's script;
    /// a host run under another entry assembly (a test runner) names it here, as the default follows the application's name.
    /// </param>
    public static WebApplication MapOOAdmin(this WebApplication app, string? staticAssetsManifest = null)
    {
        // Blazor's forms carry an antiforgery token; the check runs after authentication, as it needs the user.
        app.UseAntiforgery();
        app.MapAdminAssets().RequireAuthorization(OOClaims.AdminPolicy);
        // Blazor's script (_framework/blazor.web.js) is a static web asset of the host; the consumer pages are not.
        app.MapStaticAssets(staticAssetsManifest);
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(OOClaims.AdminPolicy);
        app.MapAdminConsoleApi().RequireAuthorization(OOClaims.AdminPolicy);
        return app;
    }
}
