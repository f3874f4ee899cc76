using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Learning.Meaning;

namespace OO.Meaning.Tests;

public sealed class EngineSelectionTests
{
    [Fact]
    public async Task Auto_falls_back_to_hashed_ngrams_with_one_warning_when_the_model_cannot_load()
    {
        var warnings = new CapturedWarnings();
        using var host = Build("auto", new FakeModelSource(model: null), warnings);

        await host.StartAsync();
        var meaning = host.Services.GetRequiredService<ITextMeaning>();
        var meanings = await meaning.MeaningsAsync(["Call mom"], CancellationToken.None);

        Assert.Equal(HashedNgramMeaning.EngineName, meaning.Engine);
        Assert.Equal(HashedNgramMeaning.MeaningOf("Call mom"), meanings[0]);
        var warning = Assert.Single(warnings.Entries);
        Assert.Contains("libonnxruntime.so cannot be found", warning);
        await host.StopAsync();
    }

    [Fact]
    public async Task Minilm_stops_the_start_when_the_model_cannot_load()
    {
        using var host = Build("minilm", new FakeModelSource(model: null));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("OO:Meaning:Engine is minilm", error.Message);
        Assert.Contains("libonnxruntime.so cannot be found", error.Message);
    }

    [Fact]
    public async Task Hashed_runs_without_loading_any_model()
    {
        var models = new FakeModelSource(new FakeModel());
        using var host = Build("hashed", models);

        await host.StartAsync();

        Assert.Equal(HashedNgramMeaning.EngineName, host.Services.GetRequiredService<ITextMeaning>().Engine);
        Assert.Equal(0, models.Loads);
        await host.StopAsync();
    }

    [Fact]
    public async Task Auto_runs_the_model_when_it_loads_and_replaces_the_earlier_default()
    {
        var models = new FakeModelSource(new FakeModel());
        using var host = Build(null, models, configure: services => services.AddSingleton<ITextMeaning, HashedNgramMeaning>());

        await host.StartAsync();
        var meaning = Assert.Single(host.Services.GetServices<ITextMeaning>());

        Assert.Equal(MiniLmMeaning.EngineName, meaning.Engine);
        Assert.Equal(1, models.Loads);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_engine_that_does_not_exist_stops_the_start()
    {
        using var host = Build("bert", new FakeModelSource(new FakeModel()));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("must be auto, minilm or hashed", error.Message);
    }

    private static IHost Build(
        string? engine, IEmbeddingModelSource models, CapturedWarnings? warnings = null, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (engine is not null)
        {
            builder.Configuration.AddInMemoryCollection([new("OO:Meaning:Engine", engine)]);
        }

        builder.Logging.AddProvider(warnings ?? new CapturedWarnings());
        builder.Services.AddSingleton(models);
        configure?.Invoke(builder.Services);
        builder.Services.AddTextMeaning(builder.Configuration);
        return builder.Build();
    }
}
