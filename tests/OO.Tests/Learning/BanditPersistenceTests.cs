using System.Net;
using System.Net.Http.Json;
using OO.Api.Me;
using OO.Grains.Interfaces.Admin;
using OO.Testing;
using OO.Tests.Api;
using OO.Tests.Infrastructure;

namespace OO.Tests.Learning;

/// <summary>What the bandit learned for a user survives a restart of the silo.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BanditPersistenceTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Model_updates_and_the_served_log_survive_a_restart(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        var cookies = new CookieContainer();
        string userId;
        UserAdminView before;
        await using (var first = await OOTestHost.StartAsync(settings))
        {
            var client = await first.SignInAsync(EmbeddedHostFixture.NewEmail(), cookies);
            userId = (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
            foreach (var reaction in new[] { "done", "dismiss", "snooze" })
            {
                var tip = await TipRoundTripTests.NextTipAsync(client);
                (await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction, dwellMs = 25_000 })).EnsureSuccessStatusCode();
            }

            before = (await first.Grains.GetGrain<IUserAdmin>(userId).GetAdminView())!;
            Assert.Equal(3, before.ModelUpdates);
        }

        await using var second = await OOTestHost.StartAsync(settings);
        var after = (await second.Grains.GetGrain<IUserAdmin>(userId).GetAdminView())!;
        Assert.Equal(3, after.ModelUpdates);
        Assert.Equal(before.RecentTips.Select(t => (t.TipId, t.Reaction, t.Reward)), after.RecentTips.Select(t => (t.TipId, t.Reaction, t.Reward)));
    }
}
