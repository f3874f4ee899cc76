using OO.Learning.Policies;

namespace OO.Grains.Learning;

/// <summary>Which policy serves, which ones shadow it, and their tuning (section <c>OO:Learning</c>).</summary>
public sealed class LearningOptions
{
    public const string Section = "OO:Learning";

    /// <summary>The policy that serves tips unless a user has an override. Default <c>linucb</c>.</summary>
    public string ActivePolicy { get; set; } = LinUcbPolicy.PolicyName;

    /// <summary>
    /// Policies that score every request and log what they would have picked, without serving it.
    /// Default: the other three (<c>random</c>, <c>epsilon-greedy</c>, <c>thompson</c>).
    /// </summary>
    public string[] ShadowPolicies { get; set; } = [RandomPolicy.PolicyName, EpsilonGreedyPolicy.PolicyName, ThompsonSamplingPolicy.PolicyName];

    /// <summary>Tuning shared by every policy (α, ε, exploration floor, Thompson's variance, ridge); see <see cref="PolicyOptions"/>.</summary>
    public PolicyOptions Policy { get; set; } = new();

    /// <summary>
    /// How many candidates one decision writes to the explainability log: the best-scored ones, plus the
    /// chosen one when it is not among them. Default 20; at least 1.
    /// </summary>
    public int LoggedCandidates { get; set; } = 20;

    /// <summary>
    /// How often a silo reads the cluster-wide policies (changed at run time through <c>PUT /api/admin/policies</c>);
    /// the silo where a change is made applies it at once. Default 30 seconds.
    /// </summary>
    public TimeSpan PolicyRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when every named policy exists and the tuning is valid; used to fail at start.</summary>
    public bool IsValid() =>
        LoggedCandidates >= 1 && PolicyRefreshInterval > TimeSpan.Zero && PolicyFactory.TryCreate(ActivePolicy, Policy, out _) && ShadowPolicies.All(name => PolicyFactory.TryCreate(name, Policy, out _));
}
