using System.Net.Mail;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OO.Api.Http;

namespace OO.Api.Auth;

public static class AuthApi
{
    /// <summary>Maps <c>/auth/dev</c> (when enabled) and <c>/auth/signout</c>.</summary>
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/auth").WithTags("Auth");
        if (app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.DevSignIn)
        {
            group.MapPost("/dev", DevSignIn)
                .WithName("devSignIn")
                .WithSummary("Sign in for development")
                .WithDescription("Signs in as any email, from a caller on this machine only; mapped only when development sign-in is on.")
                .ProducesProblem(StatusCodes.Status403Forbidden);
        }

        group.MapPost("/signout", (Delegate)SignOut)
            .WithName("signOut")
            .WithSummary("Sign out");
        return group;
    }

    private static async Task<Results<Ok<SignedIn>, ValidationProblem, ProblemHttpResult>> DevSignIn(
        DevSignInRequest request, HttpContext http, SessionSignIn sessions)
    {
        if (!Loopback.IsLocalRequest(http))
        {
            return TypedResults.Problem(
                "Development sign-in answers only callers on this machine, addressing it as localhost.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        if (string.IsNullOrWhiteSpace(request.Email) || !MailAddress.TryCreate(request.Email.Trim(), out var address)
            || address.Address != request.Email.Trim())
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = ["Give the email address to sign in as, for example ada@example.com."],
            });
        }

        var email = address.Address.ToLowerInvariant();
        var user = await sessions.SignInAsync(http, $"dev:{email}", email);
        return TypedResults.Ok(new SignedIn(user.UserId, email));
    }

    private static async Task<NoContent> SignOut(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    /// <summary>The answer to a successful sign-in.</summary>
    public sealed record SignedIn(string UserId, string Email);
}
