using System.Diagnostics.Metrics;

namespace OO.Silo.Analytics;

/// <summary>
/// The <c>OO.Analytics</c> meter: <c>oo.analytics.dead_letters</c> counts rows the database refused
/// (parked in <c>oo_dead_letters</c>), <c>oo.analytics.dropped</c> rows not queued because the queue was
/// full; both tagged with the row's kind. Either above zero is worth an alert.
/// </summary>
public sealed class AnalyticsMetrics
{
    public const string MeterName = "OO.Analytics";

    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _dropped;

    public AnalyticsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _deadLetters = meter.CreateCounter<long>("oo.analytics.dead_letters", unit: "{row}", description: "Analytics rows the database refused, parked in oo_dead_letters.");
        _dropped = meter.CreateCounter<long>("oo.analytics.dropped", unit: "{row}", description: "Served-tip and reward rows dropped because the analytics queue was full.");
    }

    internal void DeadLettered(string kind) => _deadLetters.Add(1, new KeyValuePair<string, object?>("kind", kind));

    internal void Dropped(string kind) => _dropped.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
