namespace OO.Grains.Interfaces.Tips;

/// <summary>The result of reacting to a tip; <see cref="Reward"/> is set only when recorded.</summary>
[GenerateSerializer, Immutable, Alias("oo.FeedbackOutcome")]
public sealed record FeedbackOutcome(
    [property: Id(0)] FeedbackStatus Status,
    [property: Id(1)] double? Reward = null);
