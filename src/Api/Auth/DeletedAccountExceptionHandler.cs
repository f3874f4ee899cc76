using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using OO.Api.Http;
using OO.Grains.Interfaces.Users;

namespace OO.Api.Auth;

/// <summary>
/// The session check refuses a deleted account's cookie before any handler runs, but a request that
/// was already past it when the account was deleted meets the grain's refusal instead. That is the
/// same situation — the account is gone — so it answers the same: 401 and the cookie removed.
/// </summary>
public sealed class DeletedAccountExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not UserDeletedException || http.Response.HasStarted)
        {
            return false;
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return await problems.WriteAsync(
            http, exception, StatusCodes.Status401Unauthorized, "Account deleted", "This account was deleted. Sign in again to start a new one.");
    }
}
