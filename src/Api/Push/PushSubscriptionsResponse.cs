namespace OO.Api.Push;

/// <summary>How many devices the user has after adding one.</summary>
public sealed record PushSubscriptionsResponse(int Devices);
