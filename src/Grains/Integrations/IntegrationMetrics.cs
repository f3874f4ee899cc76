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

    /// <summary>Syncs by outcome (<c>ok</c>, or the fault).</summary>
    public static readonly Counter<long> Syncs =
        Meter.CreateCounter<long>("oo.integration.syncs", description: "Syncs with a source, by outcome.");
}
