using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Learning;

namespace OO.Grains.Population;

/// <summary>
/// The silo's background loop for the population prior: every <see cref="PopulationOptions.FlushInterval"/> (or
/// sooner, when enough is waiting or an account was deleted) it sends what <see cref="PopulationContributions"/>
/// pooled to the population grain, and every <see cref="PopulationOptions.RefreshInterval"/> it reads the prior
/// into <see cref="PopulationPriorCache"/>. It runs while the silo is active, on the grains' clock; a batch that
/// cannot be sent is sent again, as the same batch (its id lets the grain add it once even when the failed call
/// had landed), before anything pooled after it. Withdrawals are sent even while the prior is off.
/// </summary>
public sealed partial class PopulationSync(
    IGrainFactory grains,
    PopulationContributions contributions,
    PopulationPriorCache cache,
    IOptions<PopulationOptions> options,
    [FromKeyedServices(GrainClock.ServiceKey)] TimeProvider time,
    ILogger<PopulationSync> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly PopulationOptions _options = options.Value;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private PopulationDelta? _unsent;
    private Task _loop = Task.CompletedTask;
    private DateTimeOffset _nextRefresh;

    private IPopulationGrain Population => grains.GetGrain<IPopulationGrain>(IPopulationGrain.Key);

    void ILifecycleParticipant<ISiloLifecycle>.Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PopulationSync), ServiceLifecycleStage.Active, Start, Stop);

    /// <summary>Sends what is waiting now; true when nothing was left unsent.</summary>
    public async Task<bool> FlushAsync()
    {
        await _sending.WaitAsync();
        try
        {
            while ((_unsent ??= contributions.Take()) is { } delta)
            {
                await Population.Merge(delta);
                _unsent = null;
            }

            return true;
        }
        catch (Exception error)
        {
            LogFlushFailed(logger, error);
            return false;
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Reads the prior into this silo's cache now.</summary>
    public async Task RefreshAsync()
    {
        if (!_options.Enabled)
        {
            return;
        }

        try
        {
            cache.Update(await Population.GetPrior());
        }
        catch (Exception error)
        {
            LogRefreshFailed(logger, error);
        }
    }

    private async Task Start(CancellationToken cancellationToken)
    {
        // The first prior is read before the silo serves, so a restarted silo never serves a new person cold.
        await RefreshAsync();
        _nextRefresh = time.GetUtcNow() + _options.RefreshInterval;
        _loop = Run(_stopping.Token);
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop;
        await FlushAsync();
    }

    private async Task Run(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            using (var wake = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                await Task.WhenAny(Task.Delay(_options.FlushInterval, time, wake.Token), contributions.FlushWanted(wake.Token));
                await wake.CancelAsync();
            }

            if (stopping.IsCancellationRequested)
            {
                return;
            }

            await FlushAsync();
            if (time.GetUtcNow() >= _nextRefresh)
            {
                _nextRefresh = time.GetUtcNow() + _options.RefreshInterval;
                await RefreshAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending pooled rewards to the population grain failed; the batch is sent again at the next attempt")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the population prior failed; the last one read stays in use")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
