using System.Net;
using System.Net.Http.Json;
using OO.Api.Me;
using OO.Grains.Interfaces.Users;
using OO.Testing;
using OO.Tests.Infrastructure;

namespace OO.Tests.Api;

/// <summary>Deleting an account leaves nothing of the person behind, on either engine.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccountDeletionTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task After_deletion_nothing_of_the_user_remains_in_the_database(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        await using var host = await OOTestHost.StartAsync(settings);
        var email = EmbeddedHostFixture.NewEmail();
        var client = await host.SignInAsync(email);
        var tip = await TipRoundTripTests.NextTipAsync(client);
        (await client.PostAsJsonAsync($"/api/tips/{tip.TipId}/feedback", new { reaction = "done", dwellMs = 20_000 })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/api/me/settings", new
        {
            timeZone = "Europe/Berlin", quietHours = new { start = "21:30", end = "06:45" }, dailyPushCap = 2, notify = true,
        })).EnsureSuccessStatusCode();
        var userId = (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
        Assert.NotEmpty(await DatabaseScanner.FindAsync(settings, userId));

        var deleted = await client.DeleteAsync("/api/me");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Empty(await DatabaseScanner.FindAsync(settings, userId));
        Assert.Empty(await DatabaseScanner.FindAsync(settings, email));

        var again = await host.SignInAsync(email);
        var fresh = await again.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.NotEqual(userId, fresh!.UserId);
        Assert.Equal(0, fresh.Stats.TipsServed + fresh.Stats.Done);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_deleted_id_stays_deleted_after_a_restart(string engine)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        string userId;
        await using (var first = await OOTestHost.StartAsync(settings))
        {
            var client = await first.SignInAsync(EmbeddedHostFixture.NewEmail());
            userId = (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.UserId;
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me")).StatusCode);
        }

        await using var second = await OOTestHost.StartAsync(settings);
        var user = second.Grains.GetGrain<IUserGrain>(userId);

        Assert.Null(await user.GetSessionStamp());
        Assert.Null(await user.EnsureCreated("late@example.com", "dev:late@example.com"));
        await Assert.ThrowsAsync<UserDeletedException>(() => user.UpdateSettings(UserSettings.Default));
    }
}
