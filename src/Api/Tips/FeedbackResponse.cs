namespace OO.Api.Tips;

/// <summary>The answer to a recorded reaction.</summary>
public sealed record FeedbackResponse(string TipId, string Reaction, double Reward);
