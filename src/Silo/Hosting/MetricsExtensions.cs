using OO.Grains.Integrations;
using OO.Push;
using OO.Silo.Analytics;
using OpenTelemetry.Metrics;

namespace OO.Silo.Hosting;

public static class MetricsExtensions
{
    /// <summary>Orleans', ASP.NET Core's, the runtime's and oO's own instruments, for a Prometheus scrape at <c>/metrics</c>.</summary>
    public static IServiceCollection AddOOMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.Orleans", PushMetrics.MeterName, IntegrationMetrics.MeterName, AnalyticsMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }
}
