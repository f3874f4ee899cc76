using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OO.Push;

namespace OO.Grains.Push;

public static class PushDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Web Push for the grains: <c>AddWebPush</c> (options from <c>OO:Push</c>, the VAPID pair, the
    /// sender) and the start-up load of the VAPID pair. The push rules read the grains' one clock, the <see cref="TimeProvider"/>
    /// keyed <see cref="GrainClock.ServiceKey"/>, registered with the other grain services.
    /// </summary>
    public static IServiceCollection AddOOPush(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddWebPush(configuration);
        services.AddHostedService<VapidKeysCheck>();
        return services;
    }
}
