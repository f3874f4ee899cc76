namespace OO.Grains.Interfaces.Integrations;

/// <summary>
/// The key of an <see cref="IIntegrationGrain"/>: one source of one user. The grain's string key is
/// <c>{userId}/{provider}</c>; this type is the only place that builds or splits it.
/// </summary>
public readonly record struct IntegrationKey
{
    private const char Separator = '/';

    public IntegrationKey(string userId, string provider)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(provider);
        if (provider.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A provider name cannot contain '{Separator}'.", nameof(provider));
        }

        UserId = userId;
        Provider = provider;
    }

    public string UserId { get; }

    public string Provider { get; }

    /// <summary>Reads a grain key written by <see cref="ToString"/>. User ids may contain the separator; provider names may not.</summary>
    public static IntegrationKey Parse(string grainKey)
    {
        var at = grainKey.LastIndexOf(Separator);
        return at <= 0 || at == grainKey.Length - 1
            ? throw new FormatException($"'{grainKey}' is not an integration key ({{userId}}/{{provider}}).")
            : new IntegrationKey(grainKey[..at], grainKey[(at + 1)..]);
    }

    /// <summary>The grain key: <c>{userId}/{provider}</c>.</summary>
    public override string ToString() => $"{UserId}{Separator}{Provider}";
}
