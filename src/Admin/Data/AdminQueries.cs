using Microsoft.Extensions.DependencyInjection;
using OO.Admin.Data.Overview;

namespace OO.Admin.Data;

/// <summary>Registers the console's query classes, one per page.</summary>
internal static class AdminQueries
{
    public static IServiceCollection AddAdminQueries(this IServiceCollection services)
    {
        services.AddSingleton<OverviewQuery>();
        return services;
    }
}
