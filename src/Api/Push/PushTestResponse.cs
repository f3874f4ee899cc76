namespace OO.Api.Push;

/// <summary>What became of a test notification: <c>Delivered</c> when any device's push service accepted it, else the first device's outcome.</summary>
public sealed record PushTestResponse(string Outcome, IReadOnlyList<PushTestDevice> Devices);
