using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Api.Auth;
using OO.Grains.Interfaces.Users;

namespace OO.Api.Me;

public static class MeApi
{
    /// <summary>Maps <c>GET</c> and <c>DELETE /api/me</c>, and <c>DELETE /api/me/sessions</c> (sign out everywhere).</summary>
    public static RouteGroupBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTags("Me");
        group.MapGet("/", GetMe)
            .WithName("getMe")
            .WithSummary("Get the signed-in person")
            .WithDescription("Who the signed-in person is, whether they administer, and their counts.");
        group.MapDelete("/", DeleteMe)
            .WithName("deleteMe")
            .WithSummary("Delete the account")
            .WithDescription("Deletes the account and everything of it, then ends the session.");
        group.MapDelete("/sessions", RevokeSessions)
            .WithName("revokeSessions")
            .WithSummary("Sign out everywhere")
            .WithDescription("Ends every session of this account, on every device, this one included.");
        return group;
    }

    /// <summary>
    /// Deletes the account and everything of it, then ends the session. Every other session of the account
    /// is refused from then on: a deleted user has no session stamp.
    /// </summary>
    private static async Task<NoContent> DeleteMe(HttpContext http, IGrainFactory grains)
    {
        await grains.GetGrain<IUserGrain>(http.User.GetUserId()).Delete();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Signs the user out everywhere: a new session stamp refuses every cookie issued before, this one
    /// included, which is removed here. A DELETE, so no other site can send it without a preflight.
    /// </summary>
    private static async Task<NoContent> RevokeSessions(HttpContext http, IGrainFactory grains)
    {
        await grains.GetGrain<IUserGrain>(http.User.GetUserId()).RevokeSessions();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeResponse>> GetMe(HttpContext http, IGrainFactory grains)
    {
        var summary = await grains.GetGrain<IUserGrain>(http.User.GetUserId()).GetSummary();
        return TypedResults.Ok(new MeResponse(summary.UserId, summary.Email, http.User.IsInRole(OOClaims.AdminRole), summary.Stats));
    }
}
