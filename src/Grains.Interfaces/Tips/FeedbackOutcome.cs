namespace OO.Grains.Interfaces.Tips;

/// <summary>
/// The result of reacting to a tip. <see cref="Reward"/> is set when recorded, and for a tip that already had a
/// reaction it is that reaction's reward, with <see cref="Previous"/> saying which reaction it was (null when the
/// tip was settled by its source), so a repeat of the same reaction can be answered as the first one was.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.FeedbackOutcome")]
public sealed record FeedbackOutcome(
    [property: Id(0)] FeedbackStatus Status,
    [property: Id(1)] double? Reward = null,
    [property: Id(2)] Reaction? Previous = null);
