using Microsoft.Extensions.DependencyInjection;
using OO.Grains.Policies;
using OO.Grains.Population;

namespace OO.Grains.Learning;

public static class LearningServiceCollectionExtensions
{
    /// <summary>
    /// The silo-local parts of learning at run time: the cluster-wide policies' cached view and its refresh, the
    /// population prior's pooled contributions, cached prior and their background loop.
    /// </summary>
    public static IServiceCollection AddOOLearningRuntime(this IServiceCollection services)
    {
        services.AddOptions<PopulationOptions>().BindConfiguration(PopulationOptions.Section)
            .Validate(options => options.IsValid(), "OO:Learning:Population needs MinimumRewards and FlushAfterRewards of at least 1 and positive FlushInterval and RefreshInterval.")
            .ValidateOnStart();
        services.AddSingleton<ServingPolicies>();
        services.AddSingleton<PolicyViewRefresh>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<PolicyViewRefresh>());
        services.AddSingleton<PopulationContributions>();
        services.AddSingleton<PopulationPriorCache>();
        services.AddSingleton<PopulationSync>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<PopulationSync>());
        return services;
    }
}
