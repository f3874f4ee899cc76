using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace OO.Silo.Hosting;

/// <summary>
/// The first step of a graceful stop: readiness turns red, and the stop waits
/// <see cref="ShutdownOptions.DrainDelay"/> before the host closes the HTTP listener (Kestrel then lets
/// requests in flight finish) and stops the silo. Runs before any hosted service stops, because
/// <see cref="IHostedLifecycleService.StoppingAsync"/> comes first.
/// </summary>
/// <remarks>The delay is a wait for real load balancers, so it runs on the system clock even where a test fakes the host's.</remarks>
public sealed class ShutdownDrain(IOptions<ShutdownOptions> options) : IHostedLifecycleService, IHealthCheck
{
    private volatile bool _draining;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        if (options.Value.DrainDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.Value.DrainDelay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_draining
            ? HealthCheckResult.Unhealthy("The silo is shutting down.")
            : HealthCheckResult.Healthy("The silo is not shutting down."));

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
