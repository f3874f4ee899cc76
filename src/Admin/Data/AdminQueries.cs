using Microsoft.Extensions.DependencyInjection;
using OO.Admin.Data.Overview;

namespace OO.Admin.Data;

/// <summary>Registers the console's query classes, one per page.</summary>
internal static class AdminQueries
{
    public static IServiceCollection AddAdminQueries(this IServiceCollection services)
    {
        services.AddSingleton<OverviewQuery>();
        services.AddSingleton<Users.UserDirectoryQuery>();
        services.AddSingleton<Users.UserActions>();
        services.AddSingleton<Recommendations.RecommendationsQuery>();
        services.AddSingleton<Rewards.RewardsQuery>();
        services.AddSingleton<Policies.PolicyConsole>();
        return services;
    }
}
