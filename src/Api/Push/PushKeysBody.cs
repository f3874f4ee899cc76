namespace OO.Api.Push;

/// <summary>The <c>keys</c> of a subscription, base64url.</summary>
public sealed record PushKeysBody(string? P256dh, string? Auth);
