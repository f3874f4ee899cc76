namespace OO.Grains.Tests.Infrastructure;

/// <summary>The <see cref="PopulationCluster"/>'s settings with the operator's switch off.</summary>
public sealed class PopulationOffCluster() : GrainsCluster(new Dictionary<string, string?>
{
    ["OO:Learning:Population:Enabled"] = "false",
    ["OO:Learning:Population:MinimumRewards"] = "10",
    ["OO:Learning:Population:FlushInterval"] = PopulationCluster.Interval.ToString(),
    ["OO:Learning:Population:RefreshInterval"] = PopulationCluster.Interval.ToString(),
});
