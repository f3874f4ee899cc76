using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OO.Grains.Interfaces.Identity;
using OO.Grains.Interfaces.Users;

namespace OO.Api.Auth;

/// <summary>
/// Turns a verified external login into an oO session: the login's user (created on first use),
/// the user's current session stamp, and the admin role where the configuration grants it.
/// </summary>
public sealed partial class SessionSignIn(IGrainFactory grains, AdminRoles roles, ILogger<SessionSignIn> logger)
{
    /// <param name="login">The external login, <c>{provider}:{subject}</c>.</param>
    public async Task<UserSummary> SignInAsync(HttpContext http, string login, string email)
    {
        var userId = await grains.GetGrain<IIdentityGrain>(login).GetOrCreateUserId();
        if (await grains.GetGrain<IUserGrain>(userId).EnsureCreated(email, login) is not { } user)
        {
            // The login still reached a deleted account (a sign-in racing the deletion): never revive it, start afresh.
            await grains.GetGrain<IIdentityGrain>(login).Forget(userId);
            userId = await grains.GetGrain<IIdentityGrain>(login).GetOrCreateUserId();
            user = await grains.GetGrain<IUserGrain>(userId).EnsureCreated(email, login)
                ?? throw new InvalidOperationException("A new user id belongs to a deleted account.");
        }

        if (await grains.GetGrain<IUserGrain>(userId).GetSessionStamp() is not { } stamp)
        {
            // Deleted between creation and now: a cookie for it would be refused on the next request anyway,
            // and signing in again makes a new account.
            LogDeletedDuringSignIn(logger, userId);
            return user;
        }

        var isAdmin = await roles.IsAdminAsync(userId, email, mayClaimFirstPlace: true);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionPrincipal.Create(userId, email, stamp, isAdmin));
        return user;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} was deleted while signing in; no session was issued.")]
    private static partial void LogDeletedDuringSignIn(ILogger logger, string userId);
}
