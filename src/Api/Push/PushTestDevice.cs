namespace OO.Api.Push;

/// <summary>One device's answer to a test notification.</summary>
/// <param name="Device">A short id of the device (a hash of its endpoint, never the endpoint).</param>
/// <param name="Outcome">One of <see cref="PushTestOutcomes"/>: <c>delivered</c>, <c>failed</c> or <c>removed</c>.</param>
public sealed record PushTestDevice(string Device, string Outcome);
