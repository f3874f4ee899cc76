using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Admin.Operations.DataQuality;

namespace OO.Admin.Api;

internal static class DataQualityApi
{
    public static void MapDataQualityApi(this RouteGroupBuilder group) =>
        group.MapGet("/data-quality", Get)
            .WithName("getAdminDataQuality")
            .WithSummary("Get the data-quality report")
            .WithDescription("Missing-feature rate of the newest logged decisions, needs-reconnection and failing rates of connected sources, "
                + "sync failures by reason, and a daily completeness grid per source (share of connected people served from it). "
                + "`notComputed` names what stored data cannot tell.");

    private static async Task<Ok<DataQualityReport>> Get(DataQualityQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.ReadAsync(cancellationToken));
}
