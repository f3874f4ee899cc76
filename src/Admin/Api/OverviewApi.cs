using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Admin.Data.Overview;

namespace OO.Admin.Api;

internal static class OverviewApi
{
    public static void MapOverviewApi(this RouteGroupBuilder group) =>
        group.MapGet("/overview", GetOverview)
            .WithName("getAdminOverview")
            .WithSummary("Get the usage overview")
            .WithDescription("DAU/WAU/MAU, tips served, reactions by type, done rate, activation funnel, pushes sent and opened, "
                + "and a series by UTC day. `from` and `to` are UTC days (yyyy-MM-dd), both included; the default is the 30 days up to today.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<OverviewReport>, ValidationProblem>> GetOverview(
        string? from, string? to, OverviewQuery query, TimeProvider time, CancellationToken cancellationToken)
    {
        var (range, error) = DateRange.Parse(from, to, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (range is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["range"] = [error!] });
        }

        return TypedResults.Ok(await query.ReadAsync(range, cancellationToken));
    }
}
