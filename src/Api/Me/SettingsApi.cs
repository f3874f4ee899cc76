using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Api.Auth;
using OO.Grains.Interfaces.Users;

namespace OO.Api.Me;

public static class SettingsApi
{
    /// <summary>Maps <c>GET</c> and <c>PUT /api/me/settings</c>.</summary>
    public static RouteGroupBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/settings").WithTags("Settings");
        group.MapGet("/", GetSettings)
            .WithName("getSettings")
            .WithSummary("Get settings");
        group.MapPut("/", PutSettings)
            .WithName("updateSettings")
            .WithSummary("Update settings");
        return group;
    }

    private static async Task<Ok<SettingsBody>> GetSettings(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(SettingsBody.From(await grains.GetGrain<IUserGrain>(http.User.GetUserId()).GetSettings()));

    private static async Task<Results<Ok<SettingsBody>, ValidationProblem>> PutSettings(
        SettingsBody body, HttpContext http, IGrainFactory grains)
    {
        var (settings, errors) = body.Validate();
        if (settings is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var saved = await grains.GetGrain<IUserGrain>(http.User.GetUserId()).UpdateSettings(settings);
        return TypedResults.Ok(SettingsBody.From(saved));
    }
}
