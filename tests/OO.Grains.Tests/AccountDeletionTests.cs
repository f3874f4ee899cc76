using OO.Grains.Interfaces.Identity;
using OO.Grains.Interfaces.Users;
using OO.Grains.Tests.Infrastructure;

namespace OO.Grains.Tests;

/// <summary>Issue 9, defects 5 and 8: a deleted account stays deleted, and its logins are forgotten last.</summary>
public sealed class AccountDeletionTests(GrainsCluster cluster) : IClassFixture<GrainsCluster>
{
    [Fact]
    public async Task A_deleted_user_cannot_be_revived_by_settings_connect_or_sign_in()
    {
        var user = await cluster.NewUserAsync();
        var stamp = await user.GetSessionStamp();
        Assert.NotNull(stamp);

        await user.Delete();

        Assert.Null(await user.GetSessionStamp());
        Assert.Null(await user.EnsureCreated("again@example.com", "dev:again@example.com"));
        await Assert.ThrowsAsync<UserDeletedException>(() => user.UpdateSettings(UserSettings.Default));
        await Assert.ThrowsAsync<UserDeletedException>(() => user.CompleteConnect(ScriptedTaskSource.ProviderName, "code", "state", "https://oo.example/cb"));
        await Assert.ThrowsAsync<UserDeletedException>(() => user.GetTip());

        // After the grain's state is gone (and the grain with it), only the tombstone remembers: still refused.
        await cluster.Cluster.DeactivateAsync(user);
        Assert.Null(await user.EnsureCreated("again@example.com", "dev:again@example.com"));
        await Assert.ThrowsAsync<UserDeletedException>(() => user.UpdateSettings(UserSettings.Default));
        Assert.Null(await user.GetSessionStamp());
    }

    [Fact]
    public async Task Identities_are_forgotten_after_the_data_is_cleared()
    {
        var login = $"dev:{Guid.NewGuid():N}@example.com";
        var userId = await cluster.Grains.GetGrain<IIdentityGrain>(login).GetOrCreateUserId();
        var user = cluster.Grains.GetGrain<IUserGrain>(userId);
        await user.EnsureCreated(login[4..], login);
        await user.UpdateSettings(UserSettings.Default with { Notify = false });
        var before = cluster.Storage.Log.Count;

        await user.Delete();

        var log = cluster.Storage.Log.Skip(before).ToList();
        var dataCleared = log.FindIndex(e => e.Grain == user.GetGrainId() && e.StateName == "user");
        var forgotten = log.FindIndex(e => e.Grain == cluster.Grains.GetGrain<IIdentityGrain>(login).GetGrainId() && e.Operation == "clear");
        Assert.InRange(dataCleared, 0, forgotten - 1);
        Assert.NotEqual(userId, await cluster.Grains.GetGrain<IIdentityGrain>(login).GetOrCreateUserId());
    }

    [Fact]
    public async Task An_erasure_the_database_did_not_confirm_in_time_is_retried_from_the_outbox()
    {
        var user = await cluster.NewUserAsync();
        var userId = user.GetPrimaryKeyString();
        cluster.Analytics.EraseTimesOut[userId] = true;

        await user.Delete();
        Assert.DoesNotContain(userId, cluster.Analytics.Erased);

        cluster.Analytics.EraseTimesOut.TryRemove(userId, out _);
        await cluster.Until(() => cluster.Analytics.Erased.Contains(userId), "the erasure retried from the outbox");
        Assert.Null(await user.GetSessionStamp());
    }

    [Fact]
    public async Task A_late_forget_of_a_deleted_account_keeps_the_login_of_the_account_made_since()
    {
        var identity = cluster.Grains.GetGrain<IIdentityGrain>($"dev:{Guid.NewGuid():N}@example.com");
        var deletedId = await identity.GetOrCreateUserId();
        await identity.Forget(deletedId);
        var newId = await identity.GetOrCreateUserId();

        // A deletion's outbox retrying its forget after the person signed up again.
        await identity.Forget(deletedId);

        Assert.NotEqual(deletedId, newId);
        Assert.Equal(newId, await identity.GetOrCreateUserId());
    }

    [Fact]
    public async Task The_first_users_admin_place_is_not_handed_on_when_they_delete_their_account()
    {
        var first = await cluster.NewUserAsync();
        var places = cluster.Grains.GetGrain<IFirstUserGrain>(0);
        var firstId = first.GetPrimaryKeyString();
        Assert.True(await places.IsFirst(firstId));

        await first.Delete();
        var next = await cluster.NewUserAsync();

        Assert.False(await places.IsFirst(next.GetPrimaryKeyString()));
    }
}
