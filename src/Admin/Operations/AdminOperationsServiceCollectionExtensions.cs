using Microsoft.Extensions.DependencyInjection;
using OO.Admin.Operations.Audit;
using OO.Admin.Operations.DataQuality;
using OO.Admin.Operations.Health;
using OO.Admin.Operations.Integrations;
using OO.Admin.Sql;

namespace OO.Admin.Operations;

/// <summary>The services of the console's operations pages; the host adds <see cref="IQueryInterrupter"/>; the audit is the console's <see cref="Data.IAdminAudit"/>.</summary>
public static class AdminOperationsServiceCollectionExtensions
{
    public static IServiceCollection AddAdminOperations(this IServiceCollection services)
    {
        services.AddOptions<SqlRunnerOptions>().BindConfiguration(SqlRunnerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqlRunner>();
        services.AddSingleton<AuditQuery>();
        services.AddSingleton<IntegrationSurvey>();
        services.AddSingleton<MeterTally>();
        services.AddHostedService(sp => sp.GetRequiredService<MeterTally>());
        services.AddSingleton<HealthQuery>();
        services.AddSingleton<DataQualityQuery>();
        return services;
    }
}
