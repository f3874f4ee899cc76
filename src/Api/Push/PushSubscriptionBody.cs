namespace OO.Api.Push;

/// <summary>A browser's subscription as <c>PushSubscription.toJSON()</c> gives it: <c>{endpoint, expirationTime, keys:{p256dh, auth}}</c>.</summary>
public sealed record PushSubscriptionBody(string? Endpoint, PushKeysBody? Keys);
