using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Admin.Operations.Health;

namespace OO.Admin.Api;

internal static class HealthApi
{
    public static void MapHealthApi(this RouteGroupBuilder group) =>
        group.MapGet("/health", Get)
            .WithName("getAdminHealth")
            .WithSummary("Get the cluster's health")
            .WithDescription("Silos, database reachability, the event log, push outcomes, integration sync health, the analytics queue "
                + "and dead letters. A part that cannot be read carries a `problem` sentence instead of failing the whole. /readyz is unchanged.");

    private static async Task<Ok<HealthReport>> Get(HealthQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.ReadAsync(cancellationToken));
}
