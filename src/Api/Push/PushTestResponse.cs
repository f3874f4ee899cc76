namespace OO.Api.Push;

/// <summary>
/// What became of a test notification: <c>delivered</c> when any device's push service accepted it,
/// <c>removed</c> when every device is gone (and was removed), else <c>failed</c>.
/// </summary>
public sealed record PushTestResponse(string Outcome, IReadOnlyList<PushTestDevice> Devices);
