namespace OO.Grains.Interfaces.Users;

/// <summary>How many tips a person was shown and how they answered them.</summary>
[GenerateSerializer, Immutable, Alias("oo.UserStats")]
public sealed record UserStats(
    [property: Id(0)] int TipsServed,
    [property: Id(1)] int Done,
    [property: Id(2)] int Snoozed,
    [property: Id(3)] int Dismissed);
