using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OO.Api.Http;

/// <summary>Registers <see cref="SafeGrainCallRetry"/> for the silo that hosts the API.</summary>
public static class GrainRetries
{
    /// <summary>
    /// The pauses are waits for a real cluster to notice a dead silo, so they run on the system clock even
    /// where a test has faked the host's <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddOOGrainRetries(this IServiceCollection services) =>
        services.AddSingleton<IOutgoingGrainCallFilter>(sp => new SafeGrainCallRetry(
            GrainRetryPolicy.Default, TimeProvider.System, sp.GetRequiredService<ILogger<SafeGrainCallRetry>>()));
}
