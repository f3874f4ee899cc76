using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OO.Silo;

namespace OO.LoadTest;

/// <summary>The real oO process, embedded default, on a fresh data directory and loopback ports.</summary>
public static class BenchmarkHost
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-bench-{Guid.NewGuid():N}"),
            ["OO:Auth:DevSignIn"] = "true",
            ["OO:Demo:Enabled"] = "true",
            ["OO:Cluster:SiloPort"] = "21111",
            ["OO:Cluster:GatewayPort"] = "40000",
            // The load generator is one client signing in many people from one address.
            ["OO:RateLimits:SignInPermitLimit"] = "0",
            ["OO:RateLimits:ApiPermitLimit"] = "0",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var app = OOHost.Build([], builder =>
        {
            builder.Environment.EnvironmentName = "Benchmark";
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return (app, new Uri(address));
    }
}
