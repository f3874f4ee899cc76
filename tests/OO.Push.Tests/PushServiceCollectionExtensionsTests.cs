using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OO.Push.Tests;

public sealed class PushServiceCollectionExtensionsTests
{
    [Fact]
    public void Options_are_bound_from_the_oo_push_section_with_documented_defaults_for_the_rest()
    {
        using var provider = Build(new() { ["OO:Push:MinGap"] = "01:30:00", ["OO:Push:DefaultDailyCap"] = "5" });

        var options = provider.GetRequiredService<IOptions<PushOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(90), options.MinGap);
        Assert.Equal(5, options.DefaultDailyCap);
        Assert.Equal(TimeSpan.FromMinutes(15), options.DeliverEvery);
        Assert.Equal(TimeSpan.FromHours(12), options.TokenLifetime);
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(20), options.TotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.TestPushCooldown);
        Assert.False(options.AllowLoopbackEndpoints);
    }

    [Theory]
    [InlineData("OO:Push:Subject", "ops@oo.example")]
    [InlineData("OO:Push:TokenLifetime", "1.00:00:01")]
    [InlineData("OO:Push:MaxAttempts", "0")]
    [InlineData("OO:Push:TotalTimeout", "00:00:30")]
    [InlineData("OO:Push:TestPushCooldown", "-00:00:01")]
    public void Invalid_settings_are_refused_with_the_key_named(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PushOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_vapid_pair_is_the_one_served()
    {
        var keys = VapidKeys.Generate();
        using var provider = Build(new() { ["OO:Push:VapidPublicKey"] = keys.PublicKey, ["OO:Push:VapidPrivateKey"] = keys.PrivateKey });

        Assert.Equal(keys.PublicKey, provider.GetRequiredService<VapidKeys>().PublicKey);
        Assert.NotNull(provider.GetRequiredService<WebPushSender>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddWebPush(configuration).BuildServiceProvider();
    }
}
