using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace OO.Api.Auth;

/// <summary>The one shape of an oO session: written at sign-in, rebuilt when the validator changes the role.</summary>
public static class SessionPrincipal
{
    public static ClaimsPrincipal Create(string userId, string email, string stamp, bool isAdmin)
    {
        List<Claim> claims =
        [
            new(OOClaims.UserId, userId),
            new(OOClaims.SessionStamp, stamp),
            new(ClaimTypes.Email, email),
            new(ClaimTypes.Name, email),
        ];
        if (isAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, OOClaims.AdminRole));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
