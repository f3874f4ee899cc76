using System.Diagnostics.Metrics;

namespace OO.Ai;

/// <summary>
/// The <c>OO.AI</c> meter: generations by outcome and model (<c>oo.ai.generations</c>), their latency
/// (<c>oo.ai.generation.duration</c>), the gate's retries (<c>oo.ai.retries</c>), gate rejections by reason
/// (<c>oo.ai.gate.rejections</c>) and tokens by direction (<c>oo.ai.tokens</c>), as the endpoint reports them.
/// </summary>
public sealed class AiMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "OO.AI";

    private readonly Counter<long> _generations;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _tokens;

    /// <summary>Creates the instruments from the host's meter factory.</summary>
    public AiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _generations = meter.CreateCounter<long>("oo.ai.generations", unit: "{generation}", description: "Tip generations, by outcome and model.");
        _duration = meter.CreateHistogram<double>("oo.ai.generation.duration", unit: "ms", description: "Time a generation spent on its model, all attempts included.");
        _retries = meter.CreateCounter<long>("oo.ai.retries", unit: "{answer}", description: "Answers asked for again after the gate refused one.");
        _rejections = meter.CreateCounter<long>("oo.ai.gate.rejections", unit: "{rejection}", description: "Answers or tips the validation gate refused, by reason.");
        _tokens = meter.CreateCounter<long>("oo.ai.tokens", unit: "{token}", description: "Tokens the endpoint reported, by direction (input, output).");
    }

    /// <summary>Records one finished generation.</summary>
    public void RecordGeneration(
        string outcome, string model, long latencyMs, int attempts, IReadOnlyDictionary<string, int> rejectionsByReason, long inputTokens, long outputTokens)
    {
        var byModel = new KeyValuePair<string, object?>("model", model);
        _generations.Add(1, new KeyValuePair<string, object?>("outcome", outcome), byModel);
        _duration.Record(latencyMs, byModel);
        if (attempts > 1)
        {
            _retries.Add(attempts - 1, byModel);
        }

        foreach (var (reason, count) in rejectionsByReason)
        {
            _rejections.Add(count, new KeyValuePair<string, object?>("reason", reason), byModel);
        }

        if (inputTokens > 0)
        {
            _tokens.Add(inputTokens, new KeyValuePair<string, object?>("direction", "input"), byModel);
        }

        if (outputTokens > 0)
        {
            _tokens.Add(outputTokens, new KeyValuePair<string, object?>("direction", "output"), byModel);
        }
    }
}
