using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OO.Admin.Api;

/// <summary>
/// The JSON API of the console's operations pages (SQL, audit, events, data quality, health) under <c>/api/admin</c>.
/// The caller adds the admin policy to the returned group.
/// </summary>
public static class AdminOperationsApi
{
    public static RouteGroupBuilder MapAdminOperationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin");
        group.MapSqlApi();
        group.MapAuditApi();
        group.MapHealthApi();
        group.MapDataQualityApi();
        return group;
    }
}
