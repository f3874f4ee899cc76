using System.Diagnostics.Metrics;

namespace OO.Grains.Integrations;

/// <summary>The integration grains' instruments (meter <see cref="MeterName"/>).</summary>
public static class IntegrationMetrics
{
    public const string MeterName = "OO.Integrations";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>How long after its scheduled time a poll reminder ran, in milliseconds.</summary>
    public static readonly Histogram<double> PollLateness =
        Meter.CreateHistogram<double>("oo.integration.poll.lateness", "ms", "How late a poll reminder ran against its schedule.");

    /// <summary>Syncs that found stored tokens this silo cannot decrypt: Data Protection keys missing here.</summary>
    public static readonly Counter<long> TokensUnreadable =
        Meter.CreateCounter<long>("oo.integration.tokens_unreadable", description: "Syncs that found stored tokens this silo cannot decrypt (an operator alert).");

    /// <summary>Verified webhook deliveries by outcome: <c>accepted</c>, <c>duplicate</c> (the same signed body again), <c>not-connected</c>.</summary>
    public static readonly Counter<long> Webhooks =
        Meter.CreateCounter<long>("oo.integration.webhooks", description: "Verified webhook deliveries, by outcome.");

    /// <summary>Syncs by outcome (<c>ok</c>, or the fault).</summary>
    public static readonly Counter<long> Syncs =
        Meter.CreateCounter<long>("oo.integration.syncs", description: "Syncs with a source, by outcome.");

    /// <summary>Task titles sent to the meaning engine, by outcome (<c>embedded</c>, <c>timeout</c>, <c>failed</c>, <c>no-time</c>).</summary>
    public static readonly Counter<long> Meanings =
        Meter.CreateCounter<long>("oo.integration.meanings", description: "Task titles sent to the meaning engine, by outcome.");
}
