using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Identity;
using OO.Grains.Interfaces.Users;

namespace OO.Api.Auth;

/// <summary>
/// Turns a verified external login into an oO session: the login's user (created on first use),
/// and the admin role where the configuration grants it.
/// </summary>
public sealed class SessionSignIn(IGrainFactory grains, IOptions<AuthOptions> options)
{
    /// <param name="login">The external login, <c>{provider}:{subject}</c>.</param>
    public async Task<UserSummary> SignInAsync(HttpContext http, string login, string email)
    {
        var userId = await grains.GetGrain<IIdentityGrain>(login).GetOrCreateUserId();
        if (await grains.GetGrain<IUserGrain>(userId).EnsureCreated(email, login) is not { } user)
        {
            // The login still reached a deleted account (a sign-in racing the deletion): never revive it, start afresh.
            await grains.GetGrain<IIdentityGrain>(login).Forget();
            userId = await grains.GetGrain<IIdentityGrain>(login).GetOrCreateUserId();
            user = await grains.GetGrain<IUserGrain>(userId).EnsureCreated(email, login)
                ?? throw new InvalidOperationException("A new user id belongs to a deleted account.");
        }

        var isAdmin = options.Value.IsAdminEmail(email)
            || (options.Value.FirstUserIsAdmin && await grains.GetGrain<IFirstUserGrain>(0).IsFirst(userId));

        List<Claim> claims = [new(OOClaims.UserId, userId), new(ClaimTypes.Email, email), new(ClaimTypes.Name, email)];
        if (isAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, OOClaims.AdminRole));
        }

        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return user;
    }
}
