using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Admin.Data.Recommendations;

namespace OO.Admin.Api;

internal static class RecommendationsApi
{
    public static void MapRecommendationsApi(this RouteGroupBuilder group) =>
        group.MapGet("/recommendations", GetRecommendations)
            .WithName("getAdminRecommendations")
            .WithSummary("Read the explainability log")
            .WithDescription("The newest served tips (optionally of one `user`, at most `limit`, 50 by default, 200 at most): policy, propensity, "
                + "latency, reaction and reward, and the decision: candidates with features and scores, the chosen one, the shadow policies' picks.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<IReadOnlyList<ServedDecision>>, ValidationProblem>> GetRecommendations(
        string? user, int? limit, RecommendationsQuery query, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > RecommendationsQuery.MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Ask for 1 to {RecommendationsQuery.MaxLimit} rows."] });
        }

        return TypedResults.Ok(await query.ReadAsync(user, limit ?? 50, cancellationToken));
    }
}
