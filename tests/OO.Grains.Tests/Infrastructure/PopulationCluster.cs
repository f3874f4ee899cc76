using Microsoft.Extensions.DependencyInjection;

namespace OO.Grains.Tests.Infrastructure;

/// <summary>
/// A cluster whose population prior is used after a few pooled rewards and travels within seconds of fake time,
/// with a gate that can hold the population grain's merges (to prove a reaction never waits on it).
/// </summary>
public sealed class PopulationCluster() : GrainsCluster(Overrides, silo =>
{
    silo.Services.AddSingleton<PopulationGate>();
    silo.Services.AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<PopulationGate>());
})
{
    /// <summary>How often pooled rewards are sent and the prior read again, in fake time.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private static readonly Dictionary<string, string?> Overrides = new()
    {
        ["OO:Learning:Population:Enabled"] = "true",
        ["OO:Learning:Population:MinimumRewards"] = "10",
        ["OO:Learning:Population:FlushInterval"] = Interval.ToString(),
        ["OO:Learning:Population:RefreshInterval"] = Interval.ToString(),
    };

    public PopulationGate Gate => Silo<PopulationGate>();
}
