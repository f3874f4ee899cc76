using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OO.Learning.Meaning;

namespace OO.Meaning;

/// <summary>Registers the task-meaning engine a host runs.</summary>
public static class MeaningServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine that <c>OO:Meaning:Engine</c> chooses (<see cref="MeaningOptions"/>) as the one
    /// <see cref="ITextMeaning"/>, replacing any earlier registration, and a hosted service that waits for the choice
    /// when the host starts and logs it. Call it after the grain services, which register the model-free default.
    /// </summary>
    public static IServiceCollection AddTextMeaning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MeaningOptions>().Bind(configuration.GetSection(MeaningOptions.Section))
            .Validate(o => o.NamesAnEngine, "OO__Meaning__Engine must be auto, minilm or hashed.")
            .Validate(o => o.CacheCapacity > 0, "OO__Meaning__CacheCapacity must be at least 1.")
            .Validate(o => o.QueueCapacity > 0, "OO__Meaning__QueueCapacity must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton<IEmbeddingModelSource, SharedMiniLmSource>();
        services.TryAddSingleton<SelectedTextMeaning>();
        services.Replace(ServiceDescriptor.Singleton<ITextMeaning>(sp => sp.GetRequiredService<SelectedTextMeaning>()));
        services.AddHostedService<MeaningStartup>();
        return services;
    }
}
