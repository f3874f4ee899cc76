using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace OO.Ai.Tests;

public sealed class AiMetricsTests
{
    [Fact]
    public void A_generation_is_counted_by_outcome_with_its_retries_rejections_tokens_and_latency()
    {
        using var provider = new ServiceCollection().AddMetrics().AddSingleton<AiMetrics>().BuildServiceProvider();
        var factory = provider.GetRequiredService<IMeterFactory>();
        var seen = new List<(string Instrument, double Value, Dictionary<string, string?> Tags)>();
        using var listener = new MeterListener
        {
            // Only this factory's meter: other tests in the process have their own OO.AI meters.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AiMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (seen)
            {
                seen.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString())));
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();

        provider.GetRequiredService<AiMetrics>().RecordGeneration(
            "Rejected", "llama3.2", 1200, 3, new Dictionary<string, int> { ["not_json"] = 2, ["schema"] = 1 }, 100, 20);

        Assert.Contains(seen, m => m is { Instrument: "oo.ai.generations", Value: 1 } && m.Tags["outcome"] == "Rejected" && m.Tags["model"] == "llama3.2");
        Assert.Contains(seen, m => m is { Instrument: "oo.ai.generation.duration", Value: 1200 });
        Assert.Contains(seen, m => m is { Instrument: "oo.ai.retries", Value: 2 });
        Assert.Contains(seen, m => m is { Instrument: "oo.ai.gate.rejections", Value: 2 } && m.Tags["reason"] == "not_json");
        Assert.Contains(seen, m => m is { Instrument: "oo.ai.gate.rejections", Value: 1 } && m.Tags["reason"] == "schema");
        Assert.Contains(seen, m => m is { Instrument: "oo.ai.tokens", Value: 100 } && m.Tags["direction"] == "input");
        Assert.Contains(seen, m => m is { Instrument: "oo.ai.tokens", Value: 20 } && m.Tags["direction"] == "output");
    }
}
