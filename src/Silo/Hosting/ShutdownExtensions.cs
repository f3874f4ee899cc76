using Microsoft.Extensions.Options;

namespace OO.Silo.Hosting;

/// <summary>Registers the graceful stop: <see cref="ShutdownOptions"/>, the host's shutdown timeout, <see cref="ShutdownDrain"/> and its readiness check.</summary>
public static class ShutdownExtensions
{
    public static IServiceCollection AddOOShutdown(this IServiceCollection services)
    {
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section)
            .Validate(o => o.DrainDelay >= TimeSpan.Zero, "OO__Shutdown__DrainDelay must not be negative.")
            .Validate(o => o.Timeout > o.DrainDelay, "OO__Shutdown__Timeout must be longer than OO__Shutdown__DrainDelay.")
            .ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);
        services.AddSingleton<ShutdownDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<ShutdownDrain>());
        services.AddHealthChecks().AddCheck<ShutdownDrain>("shutdown", tags: ["ready"]);
        return services;
    }
}
