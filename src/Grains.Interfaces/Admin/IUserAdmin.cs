namespace OO.Grains.Interfaces.Admin;

/// <summary>
/// What administrators may do to a user grain. Every write names its actor and is audit-logged by the
/// grain before it returns. Calls on a user that does not exist return null or false and change nothing.
/// </summary>
[Alias("oo.IUserAdmin")]
public interface IUserAdmin : IGrainWithStringKey
{
    [Alias("GetAdminView")]
    Task<UserAdminView?> GetAdminView();

    /// <summary>The stored profile and every registered feature; reading never computes.</summary>
    [Alias("GetProfile")]
    Task<IReadOnlyList<ProfileFeatureView>?> GetProfile();

    /// <summary>Recomputes the profile features from the user's reaction history.</summary>
    [Alias("RebuildProfile")]
    Task<bool> RebuildProfile(string actor);

    /// <summary>Forgets everything the bandit learned for this user.</summary>
    [Alias("ResetBandit")]
    Task<bool> ResetBandit(string actor);

    /// <summary>Serves this user with another policy (null returns to the configured default).</summary>
    [Alias("SetPolicy")]
    Task<bool> SetPolicy(string? policy, string actor);
}
