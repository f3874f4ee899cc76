namespace OO.Grains.Interfaces.Integrations;

/// <summary>
/// Which oO user an account at a provider belongs to, keyed <c>{provider}:{accountId}</c> (for example
/// <c>todoist:12345</c>), so that webhooks naming the provider's user reach the right user grain.
/// </summary>
[Alias("oo.ISourceAccountGrain")]
public interface ISourceAccountGrain : IGrainWithStringKey
{
    /// <summary>The oO user this account is connected to, or null.</summary>
    [Alias("GetUserId")]
    Task<string?> GetUserId();

    /// <summary>Connects this account to <paramref name="userId"/> (the latest connection wins).</summary>
    [Alias("Link")]
    Task Link(string userId);

    /// <summary>Forgets the link if it still points at <paramref name="userId"/>.</summary>
    [Alias("Unlink")]
    Task Unlink(string userId);
}
