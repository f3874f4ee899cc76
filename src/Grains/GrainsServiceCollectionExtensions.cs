using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OO.Grains.Learning;
using OO.Grains.Sources;
using OO.Grains.Sources.Demo;
using OO.Grains.Tips;

namespace OO.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>What the grains need from DI: options, the task sources, the policy and the reward model.</summary>
    public static IServiceCollection AddOOGrainServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TipOptions>().BindConfiguration(TipOptions.Section).ValidateOnStart();
        services.AddOptions<RewardOptions>().BindConfiguration(RewardOptions.Section).ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateOnStart();
        services.AddSingleton<RewardModel>();
        services.AddSingleton<ITipPolicy, RandomPolicy>();
        services.AddSingleton<ITaskSource, DemoTaskSource>();
        services.AddSingleton<TaskSourceRegistry>();
        return services;
    }
}
