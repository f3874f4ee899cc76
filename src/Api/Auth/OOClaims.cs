using System.Security.Claims;

namespace OO.Api.Auth;

/// <summary>The claims oO puts in its session cookie, and how endpoints read them.</summary>
public static class OOClaims
{
    public const string UserId = "oo:uid";

    /// <summary>The user's session stamp when the cookie was issued; the cookie is refused once the user's stamp changes.</summary>
    public const string SessionStamp = "oo:stamp";

    public const string AdminRole = "admin";
    public const string AdminPolicy = "admin";

    /// <summary>The signed-in user's id; endpoints behind authorization always have one.</summary>
    public static string GetUserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(UserId) ?? throw new InvalidOperationException("The session carries no user id.");

    public static string GetEmail(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.Email) ?? "";
}
