using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration.Memory;
using OO.Admin;
using OO.Admin.Api;
using OO.Ai;
using OO.Api;
using OO.Api.Auth;
using OO.Api.Http;
using OO.Grains;
using OO.Grains.Push;
using OO.Meaning;
using OO.Silo.Analytics;
using OO.Silo.Configuration;
using OO.Silo.Events;
using OO.Silo.Health;
using OO.Silo.Hosting;
using OO.Silo.Operations;
using OO.Silo.Storage;
using OO.Web;
using Orleans.Dashboard;

namespace OO.Silo;

/// <summary>Builds the one oO process: the silo, the REST API, the web client and the dashboard.</summary>
public static class OOHost
{
    /// <param name="configure">Runs first: configuration sources, environment, URLs.</param>
    /// <param name="overrideServices">Runs after every registration, so a test can replace a service (a clock, an HTTP handler).</param>
    public static WebApplication Build(
        string[] args, Action<WebApplicationBuilder>? configure = null, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        UseBuildStaticWebAssets(builder);

        var settings = HostSettings.Load(builder.Configuration, builder.Environment.ContentRootPath);
        // Checked here too (the options validate it again), so a bad value stops the start with its one sentence.
        if (PublicOrigin.Problem(builder.Configuration["OO:PublicBaseUrl"], builder.Environment.IsProduction()) is { } problem)
        {
            throw new OOConfigurationException(problem);
        }

        AddEnvironmentDefaults(builder, settings);
        Directory.CreateDirectory(settings.DataDirectory);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<Database>();
        // Registered before the silo, so the schema is in place when Orleans first queries it.
        builder.Services.AddHostedService<SchemaInstaller>();
        builder.Services.AddOOGrainServices();
        builder.Services.AddOOAi();
        builder.Services.AddTextMeaning(builder.Configuration);
        builder.Services.AddOOPush(builder.Configuration);
        if (!settings.IsEmbedded)
        {
            // One generated VAPID pair for the whole cluster; configured keys still win.
            builder.Services.AddSingleton<OO.Push.IVapidKeySource, DatabaseVapidKeySource>();
        }

        builder.Services.AddOOAnalytics();
        builder.Services.AddOOEvents();
        builder.Services.AddOOApi();
        builder.Services.AddOOAdmin<AdminDatabase, AdminAudit>();
        builder.Services.AddOOAdminOperations();
        builder.Services.AddOOExternalSignIn(builder.Configuration);
        builder.Services.AddOOMetrics();
        builder.Services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo", tags: ["ready"]);
        builder.Services.AddOOShutdown();
        builder.Services.AddOODataProtection(settings, builder.Configuration);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole();
        }

        builder.UseOrleans(silo => silo.AddOOSilo(settings));
        builder.AddOOTracing();
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseOOSecurityHeaders();
        app.UseOOHttpEdge();
        app.UseExceptionHandler();
        app.UseOOHsts();
        app.UseStatusCodePages();
        app.UseOOCookiePolicy();
        app.UseJsonBodiesOnly();
        app.UseWebClient();
        app.UseAuthentication();
        app.UseOORateLimits();
        app.UseAuthorization();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapOOMetrics();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapOOApi();
        app.MapOOAdmin(Path.Combine(AppContext.BaseDirectory, "OO.Silo.staticwebassets.endpoints.json"));
        app.MapAdminOperationsApi().RequireAuthorization(OOClaims.AdminPolicy);
        app.MapOrleansDashboard("/dashboard").RequireAuthorization(OOClaims.AdminPolicy).WithOODashboardInputChecks();
        return app;
    }

    /// <summary>
    /// An unpublished build serves Blazor's script (<c>_framework/blazor.web.js</c>) from where the build's static web
    /// assets manifest says it is (the NuGet cache). ASP.NET Core loads that manifest only in Development and only under
    /// the entry assembly's name, so a Production run from the build, or a test host, would answer with an empty script:
    /// load the Silo's own here. A published build has no such manifest (its files are in wwwroot) and is left as it is.
    /// </summary>
    private static void UseBuildStaticWebAssets(WebApplicationBuilder builder)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "OO.Silo.staticwebassets.runtime.json");
        var loadedByDefault = builder.Environment.IsDevelopment() && builder.Environment.ApplicationName == "OO.Silo";
        if (File.Exists(manifest) && !loadedByDefault)
        {
            builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, manifest);
            builder.WebHost.UseStaticWebAssets();
        }
    }

    /// <summary>
    /// Development sign-in and the demo source are on by default only in Development; the first user
    /// administers the embedded default. Explicit configuration always wins over these.
    /// </summary>
    private static void AddEnvironmentDefaults(WebApplicationBuilder builder, HostSettings settings)
    {
        var development = builder.Environment.IsDevelopment() ? "true" : "false";
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                [$"{AuthOptions.Section}:DevSignIn"] = development,
                // Outside Development the first stranger to sign in would administer: only by explicit opt-in there.
                [$"{AuthOptions.Section}:FirstUserIsAdmin"] = settings.IsEmbedded && builder.Environment.IsDevelopment() ? "true" : "false",
                ["OO:Demo:Enabled"] = development,
                // The generated VAPID pair lives with the rest of the embedded data unless configured.
                ["OO:Push:KeyDirectory"] = settings.DataDirectory,
            },
        });
    }
}
