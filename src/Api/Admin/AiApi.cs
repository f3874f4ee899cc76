using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace OO.Api.Admin;

/// <summary><c>/api/admin/ai</c>: how each model and prompt version fares, from generation to the reactions of the people who saw its tips.</summary>
public static class AiApi
{
    /// <summary>Maps the endpoint under <paramref name="admin"/>, whose caller adds the admin policy.</summary>
    public static RouteGroupBuilder MapAiApi(this IEndpointRouteBuilder admin)
    {
        var group = admin.MapGroup("/ai");
        group.MapGet("/", GetReport)
            .WithName("getAdminAi")
            .WithSummary("Get how each model and prompt version does")
            .WithDescription("Per model and prompt version: generations by outcome, candidates that passed the gate, answers the gate rejected by reason, tips shown, and reactions by reaction.");
        return group;
    }

    private static async Task<Ok<AiReport>> GetReport(IAiReport report, CancellationToken cancellationToken) =>
        TypedResults.Ok(await report.ReadAsync(cancellationToken));
}
