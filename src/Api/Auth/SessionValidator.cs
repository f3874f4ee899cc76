using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Users;

namespace OO.Api.Auth;

/// <summary>
/// Checks a session cookie on every request: the user still exists, the session was issued with the
/// user's current stamp (no "sign out everywhere" or deletion since), and the admin role is what the
/// configuration grants now. A cookie that fails is refused and removed; a changed role is rewritten.
/// </summary>
/// <remarks>
/// Costs one call to the user's grain per request, an in-memory read of an activated grain that the
/// request is about to call anyway. Nothing is cached: a cache on one silo would keep a revoked session
/// alive there, and revocation is meant to hold on the very next request.
/// </remarks>
public sealed partial class SessionValidator(IGrainFactory grains, AdminRoles roles, ILogger<SessionValidator> logger)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(OOClaims.UserId);
        var stamp = principal?.FindFirstValue(OOClaims.SessionStamp);
        if (principal is null || userId is null || stamp is null)
        {
            // Cookies issued before sessions carried a stamp cannot be told apart from ones revoked since,
            // so they are refused rather than upgraded: their owners sign in once more.
            await RejectAsync(context, userId ?? "(none)", "it carries no session stamp");
            return;
        }

        var current = await grains.GetGrain<IUserGrain>(userId).GetSessionStamp();
        if (current is null)
        {
            await RejectAsync(context, userId, "the account does not exist");
            return;
        }

        if (!string.Equals(current, stamp, StringComparison.Ordinal))
        {
            await RejectAsync(context, userId, "its sessions were revoked");
            return;
        }

        var email = principal.GetEmail();
        var wasAdmin = principal.IsInRole(OOClaims.AdminRole);
        var isAdmin = await roles.IsAdminAsync(userId, email, mayClaimFirstPlace: wasAdmin);
        if (isAdmin != wasAdmin)
        {
            LogRoleChanged(logger, userId, isAdmin);
            context.ReplacePrincipal(SessionPrincipal.Create(userId, email, current, isAdmin));
            context.ShouldRenew = true;
        }
    }

    private async Task RejectAsync(CookieValidatePrincipalContext context, string userId, string reason)
    {
        LogRefused(logger, userId, reason);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a session of user {UserId}: {Reason}.")]
    private static partial void LogRefused(ILogger logger, string userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The admin role of user {UserId} is now {IsAdmin}.")]
    private static partial void LogRoleChanged(ILogger logger, string userId, bool isAdmin);
}
