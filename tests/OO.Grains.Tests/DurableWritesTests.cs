using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using Microsoft.Extensions.DependencyInjection;
using OO.Grains.Tests.Infrastructure;

namespace OO.Grains.Tests;

/// <summary>Issue 9, defect 8: what the user was promised is finished even when a message, a write or a provider fails.</summary>
public sealed class DurableWritesTests(GrainsCluster cluster) : IClassFixture<GrainsCluster>
{
    [Fact]
    public async Task A_done_whose_hand_over_and_close_fail_is_retried_until_the_source_closes_it()
    {
        var user = await cluster.NewUserAsync();
        var account = cluster.Source.Account(user.GetPrimaryKeyString());
        account.SetTasks(Task("t1"));
        await cluster.ConnectAsync(user);
        var tip = await cluster.NextTipAsync(user);
        // The integration grain cannot record the close at first, and the provider is down twice after that.
        cluster.Storage.FailNextWrite(cluster.Integration(user).GetGrainId(), "integration");
        account.FailCloses(2);

        var outcome = await user.React(tip.TipId, Reaction.Done, dwellMs: 20_000);

        Assert.Equal(FeedbackStatus.Recorded, outcome.Status);
        // While the promise is open, a reminder will bring the grain back after a crash.
        Assert.True(await HasOutboxReminderAsync(user));
        await cluster.Until(() => account.Closed.Contains("t1"), "the task closed at the source");
        Assert.Single(account.Closed);
        await cluster.Until(async () => !await HasOutboxReminderAsync(user), "the outbox reminder gone once the promise is kept");
    }

    [Fact]
    public async Task A_done_is_handed_over_after_the_user_grain_is_deactivated()
    {
        var user = await cluster.NewUserAsync();
        var account = cluster.Source.Account(user.GetPrimaryKeyString());
        account.SetTasks(Task("t1"));
        await cluster.ConnectAsync(user);
        var tip = await cluster.NextTipAsync(user);
        cluster.Storage.FailNextWrite(cluster.Integration(user).GetGrainId(), "integration");

        await user.React(tip.TipId, Reaction.Done, dwellMs: 20_000);
        await cluster.Cluster.DeactivateAsync(user);
        await user.GetSummary();

        await cluster.Until(() => account.Closed.Contains("t1"), "the task closed at the source");
    }

    [Fact]
    public async Task A_rotated_token_survives_a_lost_hand_back_and_a_user_grain_deactivation()
    {
        var (user, account, integration) = await cluster.NewSyncedUserAsync(a => a.TokenLifetime = TimeSpan.FromMinutes(10));

        // The token expires; the next sync refreshes it, and the user grain cannot store the rotated set.
        await cluster.Advance(TimeSpan.FromMinutes(10));
        cluster.Storage.FailNextWrite(user.GetGrainId(), "user");
        await integration.RequestSync();
        await cluster.Until(() => account.Refreshes == 1, "the token refresh");
        await cluster.Cluster.DeactivateAsync(user);
        await cluster.Cluster.DeactivateAsync(integration);

        var before = account.Fetches;
        await integration.RequestSync();
        await cluster.Until(() => account.Fetches > before, "a sync with the rotated token");
        await cluster.Cluster.DeactivateAsync(integration);
        var after = account.Fetches;
        await integration.RequestSync();
        await cluster.Until(() => account.Fetches > after, "a sync with the token the user grain now keeps");

        var status = await integration.GetStatus();
        Assert.False(status.NeedsReconnection);
        Assert.Equal(1, account.Refreshes);
    }

    [Fact]
    public async Task Disconnect_revokes_even_when_the_provider_does_not_answer_the_first_time()
    {
        var user = await cluster.NewUserAsync();
        var account = await cluster.ConnectAsync(user);
        account.HangNextRevoke();

        Assert.True(await user.Disconnect(ScriptedTaskSource.ProviderName));

        await cluster.Until(() => account.RevokedTokens.Count == 1, "the tokens revoked");
        Assert.Equal(2, account.RevokeAttempts);
        Assert.Empty(await user.GetIntegrations());
    }

    [Fact]
    public async Task Deleting_an_account_revokes_its_tokens_in_the_background()
    {
        var user = await cluster.NewUserAsync();
        var account = await cluster.ConnectAsync(user);
        account.HangNextRevoke();

        await user.Delete();

        await cluster.Until(() => account.RevokedTokens.Count == 1, "the tokens revoked");
        await cluster.Until(() => cluster.Storage.Stored<OO.Grains.Users.UserState>(user.GetGrainId(), "user") is null, "the tombstone purged");
    }

    [Fact]
    public async Task After_the_user_revokes_access_at_the_provider_connecting_again_resumes_syncing()
    {
        var (user, account, integration) = await cluster.NewSyncedUserAsync();
        account.RevokeAccessAtProvider();

        await integration.RequestSync();
        await cluster.Until(async () => (await integration.GetStatus()).NeedsReconnection, "the source asking to be connected again");
        account.SetTasks(Task("t9"));
        await cluster.ConnectAsync(user);

        await cluster.Until(async () => (await user.GetTip())?.SourceRef == "t9", "a tip from the reconnected source");
        Assert.False((await integration.GetStatus()).NeedsReconnection);
    }

    [Fact]
    public async Task Tokens_this_silo_cannot_decrypt_are_retried_and_never_ask_the_person_to_reconnect()
    {
        var (user, account, integration) = await cluster.NewSyncedUserAsync();
        // What a silo without the Data Protection keys that wrote them sees: ciphertext it cannot read.
        await user.IntegrationTokensRefreshed(ScriptedTaskSource.ProviderName, "CfDJ8-written-with-keys-this-silo-lacks");
        await cluster.Cluster.DeactivateAsync(integration);
        account.SetTasks(Task("t-after"));

        await integration.RequestSync();
        await cluster.Until(async () => (await integration.GetStatus()).LastError is not null, "the failed sync");

        var status = await integration.GetStatus();
        Assert.False(status.NeedsReconnection);
        Assert.True(status.Connected);
        Assert.Contains("cannot read its stored access", status.LastError, StringComparison.Ordinal);
        Assert.NotEqual("t-after", (await user.GetTip())?.SourceRef);
    }

    private async Task<bool> HasOutboxReminderAsync(IUserGrain user)
    {
        var table = cluster.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        return (await table.ReadRows(user.GetGrainId())).Reminders.Any(r => r.ReminderName == "outbox");
    }

    private static SourceTask Task(string sourceRef) =>
        new(sourceRef, $"Task {sourceRef}", 2, null, null, DateTimeOffset.UtcNow.AddDays(-1));
}
