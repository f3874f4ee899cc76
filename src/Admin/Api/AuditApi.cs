using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Admin.Operations.Audit;

namespace OO.Admin.Api;

internal static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder group) =>
        group.MapGet("/audit", Search)
            .WithName("searchAdminAudit")
            .WithSummary("Search the audit log")
            .WithDescription("Every administrative action (who, when, what, target), newest first. `q` is free text in the action, target, "
                + "detail, actor or the actor's email; `actor` and `target` match exactly; `since` is a date or instant. "
                + "Erased people appear under a pseudonym (`erased-…`).")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem>> Search(
        string? q, string? actor, string? target, string? since, int? limit, AuditQuery query, CancellationToken cancellationToken)
    {
        var (search, problem) = AuditSearch.Parse(q, actor, target, since, limit);
        return search is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [problem!] })
            : TypedResults.Ok(await query.SearchAsync(search, cancellationToken));
    }
}
