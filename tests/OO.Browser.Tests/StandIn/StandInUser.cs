namespace OO.Browser.Tests.StandIn;

/// <summary>The person the OpenID Connect stand-in signs in next.</summary>
public sealed record StandInUser(string Subject, string Email);
