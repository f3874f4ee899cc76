namespace OO.Api.Push;

/// <summary>Names one device by its endpoint (<c>DELETE /api/push/subscriptions</c>).</summary>
public sealed record PushEndpointBody(string? Endpoint);
