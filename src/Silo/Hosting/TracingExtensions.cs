using Orleans.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace OO.Silo.Hosting;

/// <summary>
/// OpenTelemetry traces across a request: ASP.NET Core's server span, the grain calls it makes
/// (Orleans propagates the activity through every call, across silos too) and the HTTP calls grains
/// make to providers (Todoist, Google, push services, the AI gateway). Exported over OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, so nothing leaves the process by default.
/// </summary>
public static class TracingExtensions
{
    /// <summary>The standard OpenTelemetry setting; its siblings (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>…_HEADERS</c>, <c>OTEL_SERVICE_NAME</c>) apply as usual.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddOOTracing(this WebApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.AddActivityPropagation());
        var export = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        builder.Services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing
                .AddSource(ActivitySources.ApplicationGrainActivitySourceName, ActivitySources.RuntimeActivitySourceName)
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !IsOperationsPath(http.Request.Path))
                .AddHttpClientInstrumentation()
                // Before any exporter: processors run in the order they are added.
                .AddProcessor(new TraceRedaction());
            if (export)
            {
                tracing.AddOtlpExporter();
            }
        });
        return builder;
    }

    // Probes and scrapes every few seconds would bury the requests people make.
    private static bool IsOperationsPath(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");
}
