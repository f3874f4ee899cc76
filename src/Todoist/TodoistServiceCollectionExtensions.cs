using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OO.Todoist.Api;
using OO.Todoist.Http;
using OO.Todoist.OAuth;
using OO.Todoist.Webhooks;

namespace OO.Todoist;

/// <summary>Registers the Todoist integration.</summary>
public static class TodoistServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TodoistOptions"/> from the configuration section <c>OO:Todoist</c>
    /// (validated at start), and registers <see cref="ITodoistOAuthClient"/>,
    /// <see cref="ITodoistApiClient"/> and <see cref="TodoistWebhookVerifier"/> as singletons over
    /// named HttpClients that carry the retry-and-timeout pipeline.
    /// </summary>
    /// <param name="configure">
    /// Runs after configuration is bound; tests use it to point at a stand-in and shorten delays.
    /// </param>
    public static IServiceCollection AddTodoist(this IServiceCollection services, Action<TodoistOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // A second call must not stack a second resilience handler on the same clients.
        if (services.Any(static d => d.ServiceType == typeof(ITodoistApiClient)))
        {
            if (configure is not null)
            {
                services.Configure(configure);
            }

            return services;
        }

        var options = services.AddOptions<TodoistOptions>().BindConfiguration(TodoistOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TodoistOptions>, TodoistOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The clients create an HttpClient per call from the factory instead of holding one, so a
        // long-lived caller (a grain) still gets the factory's handler rotation and fresh DNS.
        AddClient(services, TodoistHttp.OAuthClientName);
        AddClient(services, TodoistHttp.ApiClientName);
        services.TryAddSingleton<ITodoistOAuthClient, TodoistOAuthClient>();
        services.TryAddSingleton<ITodoistApiClient, TodoistApiClient>();
        services.TryAddSingleton<TodoistWebhookVerifier>();
        return services;
    }

    private static void AddClient(IServiceCollection services, string name)
    {
        services.AddHttpClient(name, static client =>
            {
                // Bounded by the pipeline instead: attempts × RequestTimeout plus the capped backoff.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler(name, TodoistResilience.Configure);
    }
}
