using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OO.Grains.Integrations;
using OO.Push;
using OO.Silo.Analytics;
using OO.Silo.Storage.Sqlite;
using OpenTelemetry.Metrics;

namespace OO.Silo.Hosting;

public static class MetricsExtensions
{
    /// <summary>Orleans', ASP.NET Core's, the runtime's and oO's own instruments, for a Prometheus scrape at <c>/metrics</c>.</summary>
    public static IServiceCollection AddOOMetrics(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(o => o.Token.Length is 0 or >= 16, "OO__Metrics__Token must be at least 16 characters (or unset to turn /metrics off).")
            .ValidateOnStart();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.Orleans", PushMetrics.MeterName, IntegrationMetrics.MeterName, AnalyticsMetrics.MeterName, SqliteStorageMetrics.MeterName)
            .AddMeter(OO.Ai.AiMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>
    /// <c>/metrics</c> for a scraper that presents <c>OO:Metrics:Token</c> as a bearer token. Metrics
    /// name grain types, paths and counts a stranger has no business reading; without a configured
    /// token the path is not served at all.
    /// </summary>
    public static IEndpointRouteBuilder MapOOMetrics(this IEndpointRouteBuilder app)
    {
        var token = app.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value.Token;
        if (token.Length == 0)
        {
            return app;
        }

        var expected = Encoding.UTF8.GetBytes($"Bearer {token}");
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (http, next) =>
        {
            var presented = Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString());
            if (!CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                await Results.Problem(
                    "Present the metrics token as Authorization: Bearer <token>.",
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Unauthorized").ExecuteAsync(http);
                return;
            }

            await next(http);
        }), optionsName: null);
        return app;
    }
}
