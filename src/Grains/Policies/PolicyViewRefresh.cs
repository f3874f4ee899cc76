using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Learning;
using OO.Grains.Learning;

namespace OO.Grains.Policies;

/// <summary>
/// Reads the cluster-wide policies into this silo's <see cref="ServingPolicies"/>: once before the silo serves, then
/// every <see cref="LearningOptions.PolicyRefreshInterval"/>, so a change made on another silo arrives within it.
/// </summary>
public sealed partial class PolicyViewRefresh(
    IGrainFactory grains,
    ServingPolicies serving,
    IOptions<LearningOptions> options,
    [FromKeyedServices(GrainClock.ServiceKey)] TimeProvider time,
    ILogger<PolicyViewRefresh> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    void ILifecycleParticipant<ISiloLifecycle>.Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PolicyViewRefresh), ServiceLifecycleStage.Active, Start, Stop);

    public async Task RefreshAsync()
    {
        try
        {
            serving.Apply(await grains.GetGrain<IPolicyConfigGrain>(IPolicyConfigGrain.Key).Get());
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogRefreshFailed(logger, error);
        }
    }

    private async Task Start(CancellationToken cancellationToken)
    {
        await RefreshAsync();
        _loop = Run(_stopping.Token);
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop;
    }

    private async Task Run(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.PolicyRefreshInterval, time, stopping);
                await RefreshAsync();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the cluster-wide policies failed; this silo keeps the ones it has")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
