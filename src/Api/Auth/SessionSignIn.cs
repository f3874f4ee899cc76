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
        var userGrain = grains.GetGrain<IUserGrain>(userId);
        var user = await userGrain.EnsureCreated(email, login);
        if (await userGrain.GetSessionStamp() is not { } stamp)
        {
            // The account is being deleted while its owner signs in: a cookie for it would be refused on the
            // next request anyway, and once deletion forgets the login, signing in again makes a new account.
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
