using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Admin.Data.Overview;
using OO.Admin.Data.Rewards;

namespace OO.Admin.Api;

internal static class RewardsApi
{
    public static void MapRewardsApi(this RouteGroupBuilder group) =>
        group.MapGet("/rewards", GetRewards)
            .WithName("getAdminRewards")
            .WithSummary("Get reactions and rewards by slice")
            .WithDescription("Reactions by UTC day, and the tips served in the range with their done rate and mean reward by policy, source, "
                + "kind, task priority, model, prompt version, hour of day, weekday and signup-week cohort. `from`/`to` as for the overview.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<RewardsReport>, ValidationProblem>> GetRewards(
        string? from, string? to, RewardsQuery query, TimeProvider time, CancellationToken cancellationToken)
    {
        var (range, error) = DateRange.Parse(from, to, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return range is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["range"] = [error!] })
            : TypedResults.Ok(await query.ReadAsync(range, cancellationToken));
    }
}
