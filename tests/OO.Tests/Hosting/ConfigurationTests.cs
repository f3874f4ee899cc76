using Microsoft.Extensions.Configuration;
using OO.Silo.Configuration;

namespace OO.Tests.Hosting;

/// <summary>Invalid configuration stops the start with one sentence naming the key to fix.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("OO:Storage:Provider", "mysql", "OO__Storage__Provider")]
    [InlineData("OO:Cluster:SiloPort", "eleven", "OO__Cluster__SiloPort")]
    [InlineData("OO:Cluster:GatewayPort", "70000", "OO__Cluster__GatewayPort")]
    [InlineData("OO:Cluster:AdvertisedIP", "not-an-ip", "OO__Cluster__AdvertisedIP")]
    [InlineData("OO:Cluster:ClusterId", " ", "OO__Cluster__ClusterId")]
    [InlineData("OO:Reminders:MinimumPeriod", "soon", "OO__Reminders__MinimumPeriod")]
    public void A_bad_value_names_its_key(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var error = Assert.Throws<OOConfigurationException>(() => HostSettings.Load(configuration, "/tmp"));
        Assert.StartsWith(named, error.Message);
        Assert.Contains(value.Trim(), error.Message);
    }

    [Fact]
    public void Postgres_without_a_connection_string_names_the_missing_key()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OO:Storage:Provider"] = "postgres" })
            .Build();
        var error = Assert.Throws<OOConfigurationException>(() => HostSettings.Load(configuration, "/tmp"));
        Assert.StartsWith("OO__Storage__ConnectionString", error.Message);
    }

    [Fact]
    public void No_configuration_is_the_embedded_default()
    {
        var settings = HostSettings.Load(new ConfigurationBuilder().Build(), "/srv/oo");
        Assert.Equal(StorageProvider.Sqlite, settings.Storage);
        Assert.Equal("/srv/oo/data", settings.DataDirectory);
        Assert.Equal("Data Source=/srv/oo/data/oo.db", settings.ConnectionString);
        Assert.Equal(11111, settings.SiloPort);
    }
}
