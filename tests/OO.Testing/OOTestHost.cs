using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OO.Silo;

namespace OO.Testing;

/// <summary>
/// The real oO process (silo, API, web client) on Kestrel at 127.0.0.1, with its own silo
/// port, so a test can run several and restart them on the same data.
/// </summary>
public sealed class OOTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OOTestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts a host. <paramref name="settings"/> are configuration keys (OO:...) over the test defaults.</summary>
    /// <param name="services">Replaces services for the test (a fake clock, a stand-in's handler), after the host's own.</param>
    /// <param name="environment">The hosting environment (Development and Production change defaults and the pipeline).</param>
    public static async Task<OOTestHost> StartAsync(
        IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null, string environment = "Testing")
    {
        // Another test process may take a port between choosing and binding it; then choose again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(settings, services, environment);
            }
            catch (Exception error) when (attempt < 3 && IsAddressInUse(error) && !settings.ContainsKey("OO:Cluster:SiloPort"))
            {
            }
        }
    }

    private static async Task<OOTestHost> TryStartAsync(
        IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services, string environment)
    {
        var values = new Dictionary<string, string?>
        {
            ["OO:Auth:DevSignIn"] = "true",
            ["OO:Demo:Enabled"] = "true",
            ["OO:Cluster:ServiceId"] = "oo-tests",
            ["OO:Cluster:SiloPort"] = FreePort.Next().ToString(),
            // Tests sign many people in from one address; the tests of the limits set their own.
            ["OO:RateLimits:SignInPermitLimit"] = "0",
            ["OO:RateLimits:ApiPermitLimit"] = "0",
            // Hundreds of hosts must not each wait for a 350 MB model; a test that wants it sets "minilm" or "auto".
            ["OO:Meaning:Engine"] = "hashed",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        // As a command-line argument, so every view of the environment (IHostEnvironment too) agrees.
        var app = OOHost.Build(["--environment", environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }, services);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new OOTestHost(app, new Uri(address));
    }

    private static bool IsAddressInUse(Exception error) =>
        error is Microsoft.AspNetCore.Connections.AddressInUseException
        || (error is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
        || (error.InnerException is { } inner && IsAddressInUse(inner))
        || (error is AggregateException aggregate && aggregate.InnerExceptions.Any(IsAddressInUse));

    /// <summary>A client with its own cookie jar, as one browser would be.</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = Address,
        };

    /// <summary>Signs <paramref name="email"/> in through development sign-in and returns the signed-in client.</summary>
    public async Task<HttpClient> SignInAsync(string email, CookieContainer? cookies = null)
    {
        var client = CreateClient(cookies);
        var response = await client.PostAsJsonAsync("/auth/dev", new { email });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
