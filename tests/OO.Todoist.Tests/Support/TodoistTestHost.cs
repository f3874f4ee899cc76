using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Todoist.Api;
using OO.Todoist.OAuth;
using OO.Testing.StandIns;
using OO.Todoist.Webhooks;

namespace OO.Todoist.Tests.Support;

/// <summary>
/// The library wired the way a host wires it (configuration section, <c>AddTodoist()</c>),
/// pointed at a stand-in, with short retry delays and every log line captured.
/// </summary>
public sealed class TodoistTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TodoistTestHost(TodoistStandIn standIn, ServiceProvider services, CapturingLoggerProvider logs)
    {
        StandIn = standIn;
        _services = services;
        Logs = logs;
    }

    public TodoistStandIn StandIn { get; }

    public CapturingLoggerProvider Logs { get; }

    public ITodoistOAuthClient OAuth => _services.GetRequiredService<ITodoistOAuthClient>();

    public ITodoistApiClient Api => _services.GetRequiredService<ITodoistApiClient>();

    public TodoistWebhookVerifier Verifier => _services.GetRequiredService<TodoistWebhookVerifier>();

    public TodoistOptions Options => _services.GetRequiredService<IOptions<TodoistOptions>>().Value;

    public static async Task<TodoistTestHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var standIn = await TodoistStandIn.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["OO:Todoist:ClientId"] = standIn.ClientId,
            ["OO:Todoist:ClientSecret"] = standIn.ClientSecret,
            ["OO:Todoist:AuthBaseUrl"] = standIn.AuthBaseUrl,
            ["OO:Todoist:ApiBaseUrl"] = standIn.ApiBaseUrl,
            ["OO:Todoist:RetryBaseDelay"] = "00:00:00.001",
            ["OO:Todoist:RetryMaxDelay"] = "00:00:00.010",
            ["OO:Todoist:RequestTimeout"] = "00:00:05",
            ["OO:Todoist:RetryAttempts"] = "3",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddTodoist()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new TodoistTestHost(standIn, services, logs);
    }

    /// <summary>A user with tokens, seeded straight into the stand-in.</summary>
    public TodoistStandIn.TokenPair Connect(string userId)
    {
        StandIn.AddUser(userId);
        return StandIn.IssueTokens(userId);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await StandIn.DisposeAsync();
    }
}
