using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;

namespace OO.Admin.Operations.Health;

/// <summary>
/// Counts, since this silo started, the measurements of a few counters the health page shows (push deliveries by
/// outcome, analytics rows dead-lettered or dropped by kind), from this host's own meters only.
/// </summary>
public sealed class MeterTally(IMeterFactory meters) : IHostedService, IDisposable
{
    /// <summary>The counters tallied, and the tag that splits each.</summary>
    public static readonly IReadOnlyDictionary<string, string> Counters = new Dictionary<string, string>
    {
        ["oo.push.deliveries"] = "outcome",
        ["oo.analytics.dead_letters"] = "kind",
        ["oo.analytics.dropped"] = "kind",
    };

    private readonly ConcurrentDictionary<(string Counter, string Tag), long> _counts = new();
    private readonly MeterListener _listener = new();

    public DateTimeOffset Since { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>The counts of <paramref name="counter"/> by its tag's value.</summary>
    public IReadOnlyDictionary<string, long> Of(string counter) =>
        _counts.Where(c => c.Key.Counter == counter).OrderBy(c => c.Key.Tag, StringComparer.Ordinal).ToDictionary(c => c.Key.Tag, c => c.Value);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Since = DateTimeOffset.UtcNow;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && Counters.ContainsKey(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var split = Counters[instrument.Name];
            var tag = "unknown";
            foreach (var pair in tags)
            {
                if (pair.Key == split)
                {
                    tag = Convert.ToString(pair.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
                }
            }

            _counts.AddOrUpdate((instrument.Name, tag), value, (_, total) => total + value);
        });
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _listener.Dispose();
}
