using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OO.Ai.Tests;

public sealed class AiOptionsTests
{
    private static IReadOnlyList<string> Failures(Action<AiOptions> configure)
    {
        using var provider = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddOOAi(configure).BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<AiOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException exception)
        {
            return [.. exception.Failures];
        }
    }

    [Fact]
    public void The_defaults_are_valid_and_leave_the_model_off()
    {
        Assert.Empty(Failures(_ => { }));
        var defaults = new AiOptions();
        Assert.False(defaults.IsModelConfigured);
        Assert.Equal(("tip-generator", TimeSpan.FromHours(6), TimeSpan.FromHours(24)), (defaults.Model, defaults.MinInterval, defaults.CandidateTtl));
    }

    [Theory]
    [InlineData("ftp://models.example/v1", "OO:AI:Endpoint must be an absolute http(s) URL")]
    [InlineData("localhost:11434", "OO:AI:Endpoint must be an absolute http(s) URL")]
    public void A_bad_endpoint_is_named_at_start(string endpoint, string message) =>
        Assert.Contains(Failures(o => o.Endpoint = endpoint), f => f.StartsWith(message, StringComparison.Ordinal));

    [Fact]
    public void Out_of_range_settings_are_each_named()
    {
        var failures = Failures(o =>
        {
            o.Timeout = TimeSpan.FromMinutes(2);
            o.MaxCandidates = 0;
            o.MinInterval = TimeSpan.Zero;
            o.Model = " ";
        });

        Assert.Contains(failures, f => f.StartsWith("OO:AI:Timeout must be between 100 ms and 25 s", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("OO:AI:MaxCandidates", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("OO:AI:MinInterval", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("OO:AI:Model", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, RulesMode.Auto, GeneratorEngine.Rules)]
    [InlineData("http://localhost:11434/v1", RulesMode.Auto, GeneratorEngine.Model)]
    [InlineData("http://localhost:11434/v1", RulesMode.On, GeneratorEngine.Rules)]
    [InlineData("http://localhost:11434/v1", RulesMode.Off, GeneratorEngine.Model)]
    [InlineData(null, RulesMode.Off, GeneratorEngine.None)]
    public void The_engine_follows_the_endpoint_and_the_rules_mode(string? endpoint, RulesMode rules, GeneratorEngine engine) =>
        Assert.Equal(engine, new AiOptions { Endpoint = endpoint, Rules = rules }.Engine);
}
