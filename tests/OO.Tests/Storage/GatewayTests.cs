using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OO.Silo.Configuration;
using OO.Testing;
using OO.Tests.Infrastructure;
using Orleans.Runtime;

namespace OO.Tests.Storage;

/// <summary>Nothing connects to oO as an Orleans client, so no silo opens a client gateway.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GatewayTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_silo_opens_no_client_gateway_and_announces_none(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        await using var host = await OOTestHost.StartAsync(settings);

        Assert.Null(host.Services.GetRequiredService<ILocalSiloDetails>().GatewayAddress);
        var hosts = await host.Grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
        Assert.Equal(0, Assert.Single(hosts).ProxyPort);
    }

    [Fact]
    public void A_configured_gateway_port_is_a_clear_error_instead_of_a_port_that_is_silently_not_opened()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OO:Cluster:GatewayPort"] = "30000" })
            .Build();

        var error = Assert.Throws<OOConfigurationException>(() => HostSettings.Load(configuration, "/tmp"));

        Assert.Equal("OO__Cluster__GatewayPort ('30000') is no longer used: oO opens no Orleans client gateway. Remove the setting.", error.Message);
    }
}
