using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Api.Auth;
using OO.Grains.Interfaces.Users;

namespace OO.Api.Integrations;

public static class IntegrationsApi
{
    /// <summary>Maps <c>GET /api/integrations</c> and <c>DELETE /api/integrations/{provider}</c>.</summary>
    public static RouteGroupBuilder MapIntegrationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/integrations").WithTags("Integrations");
        group.MapGet("/", List);
        group.MapDelete("/{provider}", Disconnect);
        return group;
    }

    private static async Task<Ok<IntegrationBody[]>> List(HttpContext http, IGrainFactory grains)
    {
        var statuses = await grains.GetGrain<IUserGrain>(http.User.GetUserId()).GetIntegrations();
        return TypedResults.Ok(statuses.Select(IntegrationBody.From).ToArray());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Disconnect(string provider, HttpContext http, IGrainFactory grains) =>
        await grains.GetGrain<IUserGrain>(http.User.GetUserId()).Disconnect(provider)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"'{provider}' is not connected.", statusCode: StatusCodes.Status404NotFound, title: "Not connected");
}
