using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Identity;

namespace OO.Api.Auth;

/// <summary>
/// Decides who administers, from the current configuration (admin emails, first-user opt-in) and the
/// first-user grain; asked at sign-in and again on every request, so a change applies without signing in.
/// </summary>
public sealed class AdminRoles(IGrainFactory grains, IOptionsMonitor<AuthOptions> options)
{
    /// <param name="mayClaimFirstPlace">
    /// True at sign-in. On later requests only a session that already holds the role may consult the
    /// first-user grain, whose query claims a free place: an ordinary request must never make anyone admin.
    /// </param>
    public async Task<bool> IsAdminAsync(string userId, string email, bool mayClaimFirstPlace)
    {
        var current = options.CurrentValue;
        if (current.IsAdminEmail(email))
        {
            return true;
        }

        return current.FirstUserIsAdmin && mayClaimFirstPlace && await grains.GetGrain<IFirstUserGrain>(0).IsFirst(userId);
    }
}
