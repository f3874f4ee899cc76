using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OO.Ai;
using OO.Grains.Ai;
using OO.Testing.StandIns.Chat;
using Orleans.TestingHost;

namespace OO.Ai.Tests.Grains;

/// <summary>
/// One silo in process with oO's grains and tip generation registered as the host registers it; the model's
/// endpoint is a chat-completions stand-in (or none, for <see cref="RulesCluster"/>). Shared by a test class.
/// </summary>
public class AiCluster : IAsyncLifetime
{
    private readonly bool _withModel;
    private InProcessTestCluster? _cluster;
    private ChatCompletionsStandIn? _model;

    public AiCluster()
        : this(withModel: true)
    {
    }

    protected AiCluster(bool withModel) => _withModel = withModel;

    public IGrainFactory Grains => (_cluster ?? throw new InvalidOperationException("The cluster has not started.")).Client;

    public ChatCompletionsStandIn Model => _model ?? throw new InvalidOperationException("This cluster has no model.");

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["OO:AI:Timeout"] = "00:00:01",
            ["OO:AI:RetryBaseDelay"] = "00:00:00.010",
            ["OO:AI:Model"] = "llama3.2",
        };
        if (_withModel)
        {
            _model = await ChatCompletionsStandIn.StartAsync();
            settings["OO:AI:Endpoint"] = _model.Endpoint;
        }

        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = "oo-ai-tests";
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(settings));
        builder.ConfigureSilo((_, silo) => silo.Services.AddOOAi().AddSingleton<ITipGenerator, TipGenerator>());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_model is not null)
        {
            await _model.DisposeAsync();
        }
    }
}
