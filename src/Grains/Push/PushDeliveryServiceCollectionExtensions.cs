using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OO.Push;

namespace OO.Grains.Push;

public static class PushDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Web Push for the grains: <c>AddWebPush</c> (options from <c>OO:Push</c>, the VAPID pair, the
    /// sender), the <see cref="PushClock"/> the push rules read, and the start-up load of the VAPID pair.
    /// </summary>
    public static IServiceCollection AddOOPush(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddWebPush(configuration);
        services.TryAddSingleton(sp => new PushClock(sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<VapidKeysCheck>();
        return services;
    }
}
