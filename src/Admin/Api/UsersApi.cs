using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OO.Admin.Data.Users;

namespace OO.Admin.Api;

internal static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder group) =>
        group.MapGet("/users", SearchUsers)
            .WithName("searchAdminUsers")
            .WithSummary("Search users")
            .WithDescription("The directory of people, newest signups first, 25 a page: `q` matches a user id exactly or part of an email; "
                + "each row has when they signed up, their connected sources, their last tip and their done rate.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<UserPage>, ValidationProblem>> SearchUsers(
        string? q, int? page, UserDirectoryQuery query, CancellationToken cancellationToken)
    {
        if (q is { Length: > UserDirectoryQuery.MaxQueryLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [$"Search with at most {UserDirectoryQuery.MaxQueryLength} characters."] });
        }

        if (page is < 1 or > 100_000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["Pages are numbered from 1."] });
        }

        return TypedResults.Ok(await query.SearchAsync(q, page ?? 1, cancellationToken));
    }
}
