namespace OO.Grains.Interfaces.Admin;

/// <summary>One recently served tip as an administrator sees it: how it was chosen and how it ended.</summary>
[GenerateSerializer, Immutable, Alias("oo.ServedTipView")]
public sealed record ServedTipView(
    [property: Id(0)] string TipId,
    [property: Id(1)] string Content,
    [property: Id(2)] string Source,
    [property: Id(3)] DateTimeOffset ServedAt,
    [property: Id(4)] string Policy,
    [property: Id(5)] double Propensity,
    [property: Id(6)] double Score,
    [property: Id(7)] string? Reaction,
    [property: Id(8)] double? Reward);
