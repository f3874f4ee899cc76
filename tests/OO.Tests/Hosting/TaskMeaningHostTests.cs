using Microsoft.Extensions.DependencyInjection;
using OO.Learning.Meaning;
using OO.Testing;

namespace OO.Tests.Hosting;

/// <summary>The process runs the task-meaning engine its configuration names.</summary>
public sealed class TaskMeaningHostTests
{
    [Fact]
    public async Task A_test_host_runs_hashed_ngrams_and_one_that_asks_for_the_model_runs_minilm()
    {
        await using var plain = await OOTestHost.StartAsync(Fresh());
        await using var model = await OOTestHost.StartAsync(Fresh("minilm"));

        var hashed = plain.Services.GetRequiredService<ITextMeaning>();
        var minilm = model.Services.GetRequiredService<ITextMeaning>();
        var meanings = await minilm.MeaningsAsync(["Call mom", "Phone the dentist"], CancellationToken.None);

        Assert.Equal(HashedNgramMeaning.EngineName, hashed.Engine);
        Assert.Equal("minilm", minilm.Engine);
        Assert.DoesNotContain(MeaningCode.Unknown, meanings);
        Assert.NotEqual(HashedNgramMeaning.MeaningOf("Call mom"), meanings[0]);
    }

    private static Dictionary<string, string?> Fresh(string? engine = null)
    {
        var settings = new Dictionary<string, string?> { ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-test-{Guid.NewGuid():N}") };
        if (engine is not null)
        {
            settings["OO:Meaning:Engine"] = engine;
        }

        return settings;
    }
}
