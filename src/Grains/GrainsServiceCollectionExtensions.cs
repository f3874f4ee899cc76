using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OO.GoogleCalendar;
using OO.Grains.Integrations;
using OO.Grains.Learning;
using OO.Grains.Sources;
using OO.Grains.Sources.Demo;
using OO.Grains.Sources.GoogleCalendar;
using OO.Grains.Sources.Todoist;
using OO.Grains.Tips;
using OO.Learning.Meaning;
using OO.Learning.Policies;
using OO.Todoist;

namespace OO.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>What the grains need from DI: options, the task sources, the policy and the reward model.</summary>
    public static IServiceCollection AddOOGrainServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // The grains' one clock (see GrainClock): the host's unless a test puts a fake one there.
        services.TryAddKeyedSingleton(GrainClock.ServiceKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.AddOptions<TipOptions>().BindConfiguration(TipOptions.Section).ValidateOnStart();
        services.AddOptions<RewardOptions>().BindConfiguration(RewardOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RewardOptions>, RewardOptionsValidator>());
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateOnStart();
        services.AddOptions<LearningOptions>().BindConfiguration(LearningOptions.Section)
            .Validate(options => options.IsValid(), $"OO:Learning names an unknown policy, has invalid tuning or LoggedCandidates below 1; known policies: {string.Join(", ", PolicyFactory.Names)}.")
            .ValidateOnStart();
        services.TryAddSingleton<Ai.ITipGenerator, Ai.TipGenerator>();
        services.AddSingleton<RewardModel>();
        services.AddSingleton<TipChooser>();
        services.AddOOLearningRuntime();
        services.AddSingleton<ITaskSource, DemoTaskSource>();
        // Always registered; offered to users only when OO:Todoist:ClientId is configured.
        services.AddTodoist();
        services.AddSingleton<ITaskSource, TodoistTaskSource>();
        // Always registered; offered only when Google sign-in's client (OO:Auth:Google) is configured.
        services.AddGoogleCalendar();
        services.AddSingleton<ITaskSource, GoogleCalendarSource>();
        services.AddSingleton<TaskSourceRegistry>();
        services.AddOptions<IntegrationOptions>().BindConfiguration(IntegrationOptions.Section)
            .Validate(options => options.IsValid(), "OO:Integrations has a negative or zero delay, a maximum delay below its base delay, ProviderCallTimeout above 14 seconds, MaxTasksPerSource below 1, MaxTitleLength below 16 or a MeaningTimeout that is not positive.")
            .ValidateOnStart();
        services.AddSingleton<IntegrationTokenProtector>();
        // The model-free engine, so grains always have one; a host that runs another engine registers or replaces it.
        services.TryAddSingleton<ITextMeaning, HashedNgramMeaning>();
        return services;
    }
}
