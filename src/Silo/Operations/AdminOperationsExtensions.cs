using OO.Admin.Operations;
using OO.Admin.Operations.Health;
using OO.Silo.Analytics;

namespace OO.Silo.Operations;

/// <summary>Registers the console's operations pages (SQL, audit, events, data quality, health) with the silo's implementations; after <c>AddOOAdmin</c>, whose audit it uses.</summary>
public static class AdminOperationsExtensions
{
    public static IServiceCollection AddOOAdminOperations(this IServiceCollection services)
    {
        services.AddAdminOperations();
        services.AddSingleton<IQueryInterrupter, SqliteQueryInterrupter>();
        services.AddSingleton<IAnalyticsQueue>(sp => sp.GetRequiredService<AnalyticsWriter>());
        return services;
    }
}
