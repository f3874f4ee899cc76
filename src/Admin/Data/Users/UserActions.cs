using OO.Grains.Interfaces.Admin;
using OO.Grains.Interfaces.Users;
using OO.Learning.Policies;

namespace OO.Admin.Data.Users;

/// <summary>
/// What an administrator may do to a user from the console, each audited: the grain audits its own admin calls;
/// revoking an integration is audited here.
/// </summary>
public sealed class UserActions(IGrainFactory grains, IAdminAudit audit)
{
    public static IReadOnlyList<string> Policies => PolicyFactory.Names;

    public Task<bool> RebuildProfileAsync(string userId, string actor) => grains.GetGrain<IUserAdmin>(userId).RebuildProfile(actor);

    public Task<bool> ResetBanditAsync(string userId, string actor) => grains.GetGrain<IUserAdmin>(userId).ResetBandit(actor);

    /// <summary>Sets or clears (null) the policy override; false for an unknown policy or user.</summary>
    public Task<bool> SetPolicyAsync(string userId, string? policy, string actor) =>
        policy is not null && !Policies.Contains(policy)
            ? Task.FromResult(false)
            : grains.GetGrain<IUserAdmin>(userId).SetPolicy(policy, actor);

    /// <summary>Disconnects the source and revokes its tokens at the provider, as the person could; false when it was not connected.</summary>
    public async Task<bool> RevokeIntegrationAsync(string userId, string provider, string actor, CancellationToken cancellationToken)
    {
        if (!await grains.GetGrain<IUserGrain>(userId).Disconnect(provider))
        {
            return false;
        }

        await audit.RecordAsync(actor, "integration.revoke", userId, provider, cancellationToken);
        return true;
    }
}
