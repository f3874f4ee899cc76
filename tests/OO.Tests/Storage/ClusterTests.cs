using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OO.Api.Me;
using OO.Api.Tips;
using OO.Push;
using OO.Testing;
using OO.Tests.Infrastructure;
using Orleans.Runtime;

namespace OO.Tests.Storage;

/// <summary>Several silos on one PostgreSQL database form one cluster and serve the same users.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTests(PostgresServer postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_silos_form_one_cluster_and_a_write_through_one_is_read_through_the_other()
    {
        var settings = await new StorageEngine(postgres).FreshAsync("postgres");
        await using var first = await OOTestHost.StartAsync(settings);
        await using var second = await OOTestHost.StartAsync(new Dictionary<string, string?>(settings)
        {
            // Each silo has its own port; everything else is shared.
            ["OO:Cluster:SiloPort"] = FreePort.Next().ToString(),
        });

        foreach (var host in new[] { first, second })
        {
            var management = host.Grains.GetGrain<IManagementGrain>(0);
            await Eventually.True(
                async () => (await management.GetHosts(onlyActive: true)).Count == 2,
                Patience,
                "both silos to see two active members");
        }

        var cookies = new CookieContainer();
        var viaFirst = await first.SignInAsync("barbara@example.com", cookies);
        var tip = await Eventually.Get(
            async () =>
            {
                var response = await viaFirst.GetAsync("/api/tip");
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<TipResponse>() : null;
            },
            Patience,
            "the first demo tip");
        (await viaFirst.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "dismiss", dwellMs = 900 })).EnsureSuccessStatusCode();

        var viaSecond = second.CreateClient(cookies);
        var me = await viaSecond.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal("barbara@example.com", me!.Email);
        Assert.Equal(1, me.Stats.Dismissed);

        var sameTip = await viaSecond.GetAsync("/api/tip");
        Assert.Equal(HttpStatusCode.OK, sameTip.StatusCode);
        Assert.NotEqual(tip.TipId, (await sameTip.Content.ReadFromJsonAsync<TipResponse>())!.TipId);
    }

    [Fact]
    public async Task Silos_of_one_cluster_serve_one_generated_vapid_key_and_it_survives_a_restart()
    {
        var settings = await new StorageEngine(postgres).FreshAsync("postgres");
        string publicKey;
        await using (var first = await OOTestHost.StartAsync(settings))
        await using (var second = await OOTestHost.StartAsync(WithOwnDataDirectory(settings)))
        {
            publicKey = await VapidPublicKeyAsync(first);
            Assert.Equal(publicKey, await VapidPublicKeyAsync(second));
            Assert.Equal(publicKey, second.Services.GetRequiredService<VapidKeys>().PublicKey);

            // At rest the private key is protected, not the base64url a thief could sign with.
            var privateKey = first.Services.GetRequiredService<VapidKeys>().PrivateKey;
            var stored = Assert.Single(await AnalyticsRows.ReadAsync(settings, "SELECT protected_private_key FROM oo_vapid_keys"));
            Assert.DoesNotContain(privateKey, stored, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(settings["OO:DataDirectory"]!, VapidKeyStore.FileName)));
        }

        await using var restarted = await OOTestHost.StartAsync(WithOwnDataDirectory(settings));
        Assert.Equal(publicKey, await VapidPublicKeyAsync(restarted));
    }

    /// <summary>The same database, but a directory of its own, as a pod's ephemeral disk would be.</summary>
    private static Dictionary<string, string?> WithOwnDataDirectory(IReadOnlyDictionary<string, string?> settings) =>
        new(settings) { ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-test-{Guid.NewGuid():N}") };

    private static async Task<string> VapidPublicKeyAsync(OOTestHost host)
    {
        var client = await host.SignInAsync($"user-{Guid.NewGuid():N}@example.com");
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/push/vapid-public-key"));
        return json.RootElement.GetProperty("publicKey").GetString()!;
    }
}
