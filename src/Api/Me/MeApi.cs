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
    /// <summary>Maps <c>GET /api/me</c>.</summary>
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
        return group;
    }

    /// <summary>Deletes the account and everything of it, then ends the session.</summary>
    private static async Task<NoContent> DeleteMe(HttpContext http, IGrainFactory grains)
    {
        await grains.GetGrain<IUserGrain>(http.User.GetUserId()).Delete();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeResponse>> GetMe(HttpContext http, IGrainFactory grains)
    {
        var summary = await grains.GetGrain<IUserGrain>(http.User.GetUserId()).GetSummary();
        return TypedResults.Ok(new MeResponse(summary.UserId, summary.Email, http.User.IsInRole(OOClaims.AdminRole), summary.Stats));
    }
}
