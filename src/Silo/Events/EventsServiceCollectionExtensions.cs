using OO.Grains.Analytics;
using OO.Grains.Events;
using OO.Grains.Interfaces.Events;
using OO.Silo.Analytics;

namespace OO.Silo.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// The event log: its writer (as <see cref="IEventSink"/> and a hosted service), its reader (<see cref="IEventLog"/>),
    /// and the analytics sink that mirrors audit rows as events. Register it after <c>AddOOAnalytics</c> (its sink
    /// replaces the plain one) and before the silo (hosted services stop in reverse order, so deactivating grains still publish).
    /// </summary>
    public static IServiceCollection AddOOEvents(this IServiceCollection services)
    {
        services.AddOptions<EventLogOptions>().BindConfiguration(EventLogOptions.Section)
            .Validate(o => o.BatchSize > 0 && o.QueueCapacity > 0, "OO__Events__BatchSize and OO__Events__QueueCapacity must be at least 1.")
            .Validate(o => o.FlushDelay >= TimeSpan.Zero, "OO__Events__FlushDelay must not be negative.")
            .Validate(o => o.TailPollInterval > TimeSpan.Zero && o.TailSettleTime >= TimeSpan.Zero,
                "OO__Events__TailPollInterval must be positive and OO__Events__TailSettleTime not negative.")
            .Validate(o => o.AcknowledgeTimeout > TimeSpan.Zero && o.AcknowledgeTimeout <= EventLogOptions.MaxAcknowledgeTimeout,
                "OO__Events__AcknowledgeTimeout must be positive and at most 3 s (an account deletion shares Orleans' 30 s call timeout).")
            .Validate(o => o.ShutdownDrainTimeout >= TimeSpan.Zero, "OO__Events__ShutdownDrainTimeout must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<EventWriter>();
        services.AddSingleton<IEventSink>(sp => sp.GetRequiredService<EventWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<EventWriter>());
        services.AddSingleton<IAnalyticsSink>(sp => new EventMirroringAnalyticsSink(
            sp.GetRequiredService<AnalyticsWriter>(), sp.GetRequiredService<EventWriter>()));
        services.AddSingleton<EventReplayer>();
        services.AddSingleton<IEventLog, EventLog>();
        return services;
    }
}
