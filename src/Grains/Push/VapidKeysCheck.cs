using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OO.Push;

namespace OO.Grains.Push;

/// <summary>
/// Loads the VAPID key pair when the host starts: generated and saved on the very first start (by the
/// host's <see cref="IVapidKeySource"/>: a file for one process, the database for a cluster), and a
/// misconfigured or unreadable pair stops the start instead of the first push.
/// </summary>
public sealed class VapidKeysCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<VapidKeys>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
