using OO.Grains.Interfaces.Tips;

namespace OO.Grains.Users;

/// <summary>One tip as it was served, and the reaction it got.</summary>
[GenerateSerializer, Alias("oo.ServedTip")]
public sealed class ServedTip
{
    [Id(0)] public required Tip Tip { get; set; }
    [Id(1)] public Reaction? Reaction { get; set; }
    [Id(2)] public DateTimeOffset? ReactedAt { get; set; }
    [Id(3)] public double? Reward { get; set; }
}
