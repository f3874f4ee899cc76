using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OO.Todoist.Api;

namespace OO.Todoist.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_point_at_Todoist_and_leave_it_unconfigured()
    {
        var options = Resolve([]);

        Assert.Equal("https://todoist.com/oauth", options.AuthBaseUrl);
        Assert.Equal("https://api.todoist.com/api/v1", options.ApiBaseUrl);
        Assert.Equal(TimeSpan.FromMinutes(5), options.PollInterval);
        Assert.Equal("data:read_write", options.Scopes);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RequestTimeout);
        Assert.Equal(3, options.RetryAttempts);
        Assert.Equal(200, options.PageSize);
        Assert.False(options.IsConfigured);
    }

    [Fact]
    public void The_section_OO_Todoist_binds_and_a_client_id_makes_it_configured()
    {
        var options = Resolve(new()
        {
            ["OO:Todoist:ClientId"] = "abc",
            ["OO:Todoist:ClientSecret"] = "def",
            ["OO:Todoist:PollInterval"] = "00:01:00",
            ["OO:Todoist:Scopes"] = "data:read,task:add",
            ["OO:Todoist:RetryAttempts"] = "5",
        });

        Assert.True(options.IsConfigured);
        Assert.Equal("abc", options.ClientId);
        Assert.Equal(TimeSpan.FromMinutes(1), options.PollInterval);
        Assert.Equal("data:read,task:add", options.Scopes);
        Assert.Equal(5, options.RetryAttempts);
    }

    [Theory]
    [InlineData("OO:Todoist:ApiBaseUrl", "not a url")]
    [InlineData("OO:Todoist:RequestTimeout", "00:00:00")]
    [InlineData("OO:Todoist:RetryAttempts", "-1")]
    [InlineData("OO:Todoist:PageSize", "500")]
    [InlineData("OO:Todoist:ClientId", "id-without-secret")]
    public void Invalid_settings_fail_validation(string key, string value)
    {
        Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));
    }

    [Fact]
    public void Calling_AddTodoist_twice_registers_one_client()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddTodoist()
            .AddTodoist(o => o.PageSize = 50);

        Assert.Single(services, d => d.ServiceType == typeof(ITodoistApiClient));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(50, provider.GetRequiredService<IOptions<TodoistOptions>>().Value.PageSize);
    }

    [Fact]
    public void Building_an_authorize_url_without_a_client_id_says_what_to_configure()
    {
        using var provider = Provider([]);

        var fault = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<OAuth.ITodoistOAuthClient>().BuildAuthorizeUrl("s"));

        Assert.Contains("OO:Todoist:ClientId", fault.Message);
    }

    private static TodoistOptions Resolve(Dictionary<string, string?> settings)
    {
        using var provider = Provider(settings);
        return provider.GetRequiredService<IOptions<TodoistOptions>>().Value;
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddTodoist()
            .BuildServiceProvider();
}
