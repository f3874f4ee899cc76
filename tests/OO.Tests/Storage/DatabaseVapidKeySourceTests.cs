using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OO.Silo.Configuration;
using OO.Silo.Storage;
using OO.Testing;
using OO.Tests.Analytics;
using OO.Tests.Infrastructure;

namespace OO.Tests.Storage;

/// <summary>Silos starting together on an empty database agree on one VAPID pair and can all read it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseVapidKeySourceTests(PostgresServer postgres)
{
    [Fact]
    public async Task Silos_starting_together_generate_one_pair_that_every_one_of_them_can_read()
    {
        var values = await new StorageEngine(postgres).FreshAsync("postgres");
        await WriterUnderTest.InstallAsync(values);
        var settings = HostSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Path.GetTempPath());
        // Each "silo" has its own Data Protection, sharing only the database, and has never used it before.
        var silos = Enumerable.Range(0, 4).Select(_ => new ServiceCollection()
            .AddDataProtection().SetApplicationName("oO").Services
            .Configure<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(settings))
            .BuildServiceProvider()).ToList();
        try
        {
            var pairs = await Task.WhenAll(silos.Select(silo => Task.Run(() =>
                new DatabaseVapidKeySource(settings, silo.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System).LoadOrCreate())));

            Assert.Single(pairs.Select(p => (p.PublicKey, p.PrivateKey)).Distinct());
            Assert.Equal(1, await AnalyticsRows.CountAsync(values, "oo_vapid_keys", "1 = 1"));
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }
}
