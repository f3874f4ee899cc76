using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OO.Ai.Writing;
using OO.Testing.StandIns.Chat;

namespace OO.Ai.Tests.Writing;

/// <summary>A <see cref="TipWriter"/> from the product's own registration, pointed at a chat-completions stand-in.</summary>
public sealed class WriterHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private WriterHarness(ChatCompletionsStandIn model, ServiceProvider provider)
    {
        Model = model;
        _provider = provider;
    }

    public ChatCompletionsStandIn Model { get; }

    public TipWriter Writer => _provider.GetRequiredService<TipWriter>();

    public static async Task<WriterHarness> StartAsync(Action<AiOptions>? configure = null)
    {
        var model = await ChatCompletionsStandIn.StartAsync();
        var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddOOAi(o =>
            {
                o.Endpoint = model.Endpoint;
                o.Timeout = TimeSpan.FromSeconds(5);
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                configure?.Invoke(o);
            })
            .BuildServiceProvider();
        return new WriterHarness(model, provider);
    }

    /// <summary>A request about two tasks, t1 and t2, that must not repeat their titles.</summary>
    public static WriteRequest Request(int max = 3) => new(
        """{"tasks":[{"ref":"t1","title":"Write the quarterly report"},{"ref":"t2","title":"Call the dentist"}]}""",
        ["t1", "t2"], ["Write the quarterly report", "Call the dentist"], max);

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Model.DisposeAsync();
    }
}
