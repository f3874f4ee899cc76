namespace OO.Learning.Features;

/// <summary>One past reaction of the user, the input of <see cref="UserProfileBuilder"/>.</summary>
/// <param name="ServedAt">When the tip was shown.</param>
/// <param name="Reaction">"done", "snooze" or "dismiss" (see <see cref="Reactions"/>); anything else is ignored.</param>
/// <param name="DwellMs">Milliseconds between showing and reacting, when known.</param>
public sealed record ReactionFact(DateTimeOffset ServedAt, string Reaction, long? DwellMs);
