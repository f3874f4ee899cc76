using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OO.Testing;

namespace OO.Tests.Hosting;

/// <summary>
/// A graceful stop turns readiness red first and keeps serving HTTP through the drain, so a load balancer
/// stops sending requests before the listener closes.
/// </summary>
public sealed class ShutdownDrainTests
{
    [Fact]
    public async Task On_stop_readiness_turns_red_while_requests_are_still_served()
    {
        await using var host = await OOTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-drain-{Guid.NewGuid():N}"),
            ["OO:Shutdown:DrainDelay"] = "00:00:05",
        });
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        var stopping = host.Services.GetRequiredService<IHost>().StopAsync();
        var readiness = await client.GetAsync("/readyz");
        for (var look = 0; readiness.StatusCode == HttpStatusCode.OK && look < 100; look++)
        {
            await Task.Delay(20);
            readiness = await client.GetAsync("/readyz");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.False(stopping.IsCompleted);
        await stopping;
    }
}
