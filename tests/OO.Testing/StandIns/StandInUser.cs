namespace OO.Testing.StandIns;

/// <summary>The person the OpenID Connect stand-in signs in next.</summary>
public sealed record StandInUser(string Subject, string Email);
