using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Admin.Data;
using OO.Admin.Sql;
using OO.Api.Auth;

namespace OO.Admin.Api;

internal static class SqlApi
{
    public static void MapSqlApi(this RouteGroupBuilder group)
    {
        group.MapPost("/sql", Run)
            .WithName("runAdminSql")
            .WithSummary("Run a read-only query")
            .WithDescription("Runs one SELECT, WITH or VALUES statement on a read-only connection, with a row limit (`truncated` says rows were "
                + "left out) and a time limit. Anything that writes is refused and changes nothing. Audit-logged.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/sql/saved", Saved)
            .WithName("getAdminSavedQueries")
            .WithSummary("List the saved queries")
            .WithDescription("The queries shipped with oO for this database's engine.");
    }

    private static async Task<Results<Ok<SqlResult>, ProblemHttpResult>> Run(SqlRequest body, HttpContext http, SqlRunner runner, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await runner.RunAsync(http.User.GetUserId(), body.Sql, cancellationToken));
        }
        catch (SqlRefusedException refused)
        {
            return TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest, title: "Query refused");
        }
    }

    private static Ok<IEnumerable<SavedQueryView>> Saved(IAdminDatabase database) =>
        TypedResults.Ok(SavedQueries.All.Select(q => new SavedQueryView(q.Name, q.Description, SavedQueries.For(q, database.Engine))));
}
