using System.Diagnostics.CodeAnalysis;

namespace OO.Learning.Policies;

/// <summary>Creates policies by their stable names (the names stored in the explainability log).</summary>
public static class PolicyFactory
{
    /// <summary>Every known name, in a stable order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        RandomPolicy.PolicyName,
        LinUcbPolicy.PolicyName,
        EpsilonGreedyPolicy.PolicyName,
        ThompsonSamplingPolicy.PolicyName,
    ];

    /// <summary>The policy called <paramref name="name"/> (case-insensitive), or throws <see cref="ArgumentException"/>.</summary>
    public static IBanditPolicy Create(string name, PolicyOptions? options = null) =>
        TryCreate(name, options, out var policy)
            ? policy
            : throw new ArgumentException($"Unknown policy '{name}'. Known policies: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>False for an unknown name; options are validated either way.</summary>
    public static bool TryCreate(string name, PolicyOptions? options, [NotNullWhen(true)] out IBanditPolicy? policy)
    {
        options ??= new PolicyOptions();
        options.Validate();
        policy = name?.Trim().ToLowerInvariant() switch
        {
            RandomPolicy.PolicyName => new RandomPolicy(),
            LinUcbPolicy.PolicyName => new LinUcbPolicy(options),
            EpsilonGreedyPolicy.PolicyName => new EpsilonGreedyPolicy(options),
            ThompsonSamplingPolicy.PolicyName => new ThompsonSamplingPolicy(options),
            _ => null,
        };
        return policy is not null;
    }
}
