using System.Diagnostics.Metrics;

namespace OO.Push;

/// <summary>
/// The <c>OO.Push</c> meter: <c>oo.push.attempts</c> counts every HTTP attempt (tagged with its
/// status code, or <c>none</c>), <c>oo.push.deliveries</c> every finished message (tagged with its
/// outcome), so retry storms and dead subscriptions show up on /metrics.
/// </summary>
public sealed class PushMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "OO.Push";

    private readonly Counter<long> _attempts;
    private readonly Counter<long> _deliveries;

    /// <summary>Creates the instruments from the host's meter factory.</summary>
    public PushMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _attempts = meter.CreateCounter<long>("oo.push.attempts", unit: "{attempt}", description: "HTTP requests made to push services.");
        _deliveries = meter.CreateCounter<long>("oo.push.deliveries", unit: "{message}", description: "Push messages finished, by outcome.");
    }

    internal void RecordAttempt(int? statusCode) =>
        _attempts.Add(1, new KeyValuePair<string, object?>("status_code", statusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"));

    internal void RecordOutcome(PushOutcome outcome) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));
}
