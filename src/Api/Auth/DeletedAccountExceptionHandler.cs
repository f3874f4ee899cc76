using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
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
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Account deleted",
                Detail = "This account was deleted. Sign in again to start a new one.",
            },
        });
    }
}
