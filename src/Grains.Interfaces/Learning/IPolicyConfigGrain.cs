namespace OO.Grains.Interfaces.Learning;

/// <summary>
/// Which policy serves and which ones shadow it, cluster-wide, changed at run time by an administrator.
/// One per cluster (key <see cref="Key"/>). Until it is first changed it answers the configured start-up
/// default (<c>OO:Learning:ActivePolicy</c>, <c>OO:Learning:ShadowPolicies</c>). Every change is audited.
/// </summary>
[Alias("oo.IPolicyConfigGrain")]
public interface IPolicyConfigGrain : IGrainWithStringKey
{
    /// <summary>The one policy-config grain's key.</summary>
    const string Key = "policies";

    [Alias("Get")]
    Task<PolicyConfig> Get();

    /// <summary>
    /// Applies <paramref name="change"/> when the configuration is still at <see cref="PolicyChange.ExpectedRevision"/>
    /// (returns the new configuration), or returns null when someone changed it in between. Unknown policy names
    /// throw <see cref="ArgumentException"/>; callers validate first.
    /// </summary>
    [Alias("Set")]
    Task<PolicyConfig?> Set(PolicyChange change);
}
