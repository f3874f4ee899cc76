namespace OO.Api.Push;

/// <summary>One device's answer to a test notification; <c>Service</c> is the push service's origin, never the full endpoint.</summary>
public sealed record PushTestDevice(string Service, string Outcome, int? StatusCode, int Attempts);
