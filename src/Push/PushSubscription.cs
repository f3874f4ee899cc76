namespace OO.Push;

/// <summary>
/// A browser's push subscription as <c>PushSubscription.toJSON()</c> gives it: the push
/// service endpoint and the two keys (<c>keys.p256dh</c>, <c>keys.auth</c>), base64url.
/// Check one with <see cref="PushSubscriptionValidator"/> before storing it.
/// </summary>
/// <param name="Endpoint">The push service URL the message is POSTed to.</param>
/// <param name="P256dh">The browser's P-256 public key, base64url, 65 bytes decoded.</param>
/// <param name="Auth">The browser's auth secret, base64url, 16 bytes decoded.</param>
public sealed record PushSubscription(string Endpoint, string P256dh, string Auth);
