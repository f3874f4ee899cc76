namespace OO.Grains.Events;

/// <summary>The payload of <c>signals.tip.feedback</c>: the tip, the reaction (done, snooze, dismiss), its dwell and the reward folded.</summary>
public sealed record TipFeedbackPayload(string TipId, string Reaction, long? DwellMs, double Reward);
