using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OO.Admin.Api;

/// <summary>
/// The console's JSON API under <c>/api/admin</c>; each endpoint returns what its page shows, from the same query
/// class. The caller adds the admin policy to the returned group.
/// </summary>
public static class AdminConsoleApi
{
    public static RouteGroupBuilder MapAdminConsoleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin");
        group.MapOverviewApi();
        group.MapUsersApi();
        group.MapRecommendationsApi();
        group.MapRewardsApi();
        return group;
    }
}
