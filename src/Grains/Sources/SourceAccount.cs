namespace OO.Grains.Sources;

/// <summary>The account at a provider that a user connected.</summary>
/// <param name="Id">The provider's id for the account; webhooks name the user by it.</param>
/// <param name="TimeZone">The account's IANA time zone, if the provider has one.</param>
public sealed record SourceAccount(string Id, string? TimeZone);
