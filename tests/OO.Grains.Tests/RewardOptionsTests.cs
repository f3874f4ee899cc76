using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OO.Grains.Learning;

namespace OO.Grains.Tests;

/// <summary>A reward the learner cannot use stops the host at start, naming its key, instead of failing every reaction.</summary>
public sealed class RewardOptionsTests
{
    [Theory]
    [InlineData("OO:Rewards:Kinds:Advice:Done", "NaN")]
    [InlineData("OO:Rewards:Kinds:Reminder:Dismiss", "-Infinity")]
    [InlineData("OO:Rewards:Kinds:Insight:Snooze", "1.5")]
    [InlineData("OO:Rewards:Dismiss", "-2")]
    [InlineData("OO:Rewards:DoneInMagicZone", "Infinity")]
    public void A_reward_that_is_not_a_number_between_minus_one_and_one_fails_validation_naming_its_key(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));

        Assert.Contains($"{key} must be a number between -1 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_rewards_and_the_bounds_themselves_are_valid()
    {
        var options = Resolve(new() { ["OO:Rewards:Kinds:Advice:Done"] = "1", ["OO:Rewards:Kinds:Advice:Dismiss"] = "-1" });

        Assert.Equal((1.0, -1.0, 0.5), (options.Kinds.Advice.Done, options.Kinds.Advice.Dismiss, options.Done));
    }

    private static RewardOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddOOGrainServices();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RewardOptions>>().Value;
    }
}
