using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OO.Grains.Integrations;

namespace OO.Integrations.Tests.Infrastructure;

/// <summary>
/// Counts the integration grains' webhook outcomes (<c>oo.integration.webhooks</c>) as they are recorded, so a
/// test can see that a delivery was recognised as a duplicate instead of waiting to see that nothing happened.
/// The API answers only after the grain decided, so the count is final when the response arrives.
/// </summary>
public sealed class WebhookOutcomes : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public WebhookOutcomes()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IntegrationMetrics.MeterName && instrument.Name == "oo.integration.webhooks")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "outcome", Value: string outcome })
                {
                    _counts.AddOrUpdate(outcome, value, (_, count) => count + value);
                }
            }
        });
        _listener.Start();
    }

    public long this[string outcome] => _counts.GetValueOrDefault(outcome);

    public void Dispose() => _listener.Dispose();
}
