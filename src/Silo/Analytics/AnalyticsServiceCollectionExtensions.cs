using Microsoft.Extensions.Options;
using OO.Grains.Analytics;

namespace OO.Silo.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// The analytics writer as <see cref="IAnalyticsSink"/> and as a hosted service. Register it before the
    /// silo: hosted services stop in reverse order, so grains still log while deactivating.
    /// </summary>
    public static IServiceCollection AddOOAnalytics(this IServiceCollection services)
    {
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section)
            .Validate(o => o.BatchSize > 0, "OO__Analytics__BatchSize must be at least 1.")
            .Validate(o => o.QueueCapacity > 0, "OO__Analytics__QueueCapacity must be at least 1.")
            .Validate(o => o.FlushDelay >= TimeSpan.Zero, "OO__Analytics__FlushDelay must not be negative.")
            .Validate(o => o.Retention > TimeSpan.Zero && o.RetentionSweepEvery > TimeSpan.Zero,
                "OO__Analytics__Retention and OO__Analytics__RetentionSweepEvery must be positive.")
            .Validate(o => o.AcknowledgeTimeout > TimeSpan.Zero && o.AcknowledgeTimeout < TimeSpan.FromSeconds(30),
                "OO__Analytics__AcknowledgeTimeout must be positive and under Orleans' 30 s grain call timeout.")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<AnalyticsMetrics>();
        services.AddSingleton<AnalyticsWriter>();
        services.AddSingleton<IAnalyticsSink>(sp => sp.GetRequiredService<AnalyticsWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<AnalyticsWriter>());
        services.AddSingleton<OO.Api.Admin.IExplainabilityLog, ExplainabilityLogReader>();
        services.AddSingleton<OO.Api.Admin.IAiReport, AiReportReader>();
        return services;
    }
}
