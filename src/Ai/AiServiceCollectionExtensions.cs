using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OO.Ai.Http;
using OO.Ai.Writing;

namespace OO.Ai;

/// <summary>Registers tip generation.</summary>
public static class AiServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AiOptions"/> from <c>OO:AI</c> (validated at start) and registers the <see cref="TipWriter"/>
    /// over a named HttpClient with the model's resilience handler, and the <see cref="AiMetrics"/>. Without an
    /// endpoint nothing is ever sent anywhere.
    /// </summary>
    /// <param name="configure">Runs after configuration is bound; tests use it to point at a stand-in.</param>
    public static IServiceCollection AddOOAi(this IServiceCollection services, Action<AiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // A second call must not stack a second resilience handler on the same client.
        if (services.Any(static d => d.ServiceType == typeof(TipWriter)))
        {
            if (configure is not null)
            {
                services.Configure(configure);
            }

            return services;
        }

        var options = services.AddOptions<AiOptions>().BindConfiguration(AiOptions.Section);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AiOptions>, AiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AiMetrics>();
        services.AddHttpClient(AiResilience.ClientName, static client =>
            {
                // Bounded by the pipeline instead: its total timeout is OO:AI:Timeout.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler(AiResilience.ClientName, AiResilience.Configure);
        services.TryAddSingleton<TipWriter>();
        return services;
    }
}
