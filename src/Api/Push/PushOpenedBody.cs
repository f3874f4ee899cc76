namespace OO.Api.Push;

/// <summary>The tip whose notification was opened.</summary>
public sealed record PushOpenedBody(string? TipId);
