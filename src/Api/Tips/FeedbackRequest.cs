namespace OO.Api.Tips;

/// <summary>The body of <c>POST /api/tips/{tipId}/feedback</c>: <c>done</c>, <c>snooze</c> or <c>dismiss</c>, and how long the tip was visible.</summary>
public sealed record FeedbackRequest(string? Reaction, long? DwellMs);
