using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using OO.Grains.Tests.Infrastructure;

namespace OO.Grains.Tests;

/// <summary>
/// A provider that does not answer never holds a grain past Orleans' call timeout: every provider call is
/// bounded by ProviderCallTimeout (5 s in this cluster) on the grain clock, a timeout counts as an outage,
/// and one non-interleaving turn spends at most that long.
/// </summary>
public sealed class ProviderTimeoutTests(GrainsCluster cluster) : IClassFixture<GrainsCluster>
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_listing_that_never_answers_is_cut_off_and_backed_off_as_an_outage()
    {
        var (user, account, integration) = await cluster.NewSyncedUserAsync();
        account.Hang(ScriptedCall.Fetch);

        await integration.RequestSync();
        await cluster.Until(() => account.Cancelled(ScriptedCall.Fetch) == 1, "the hung listing cancelled");

        var status = await integration.GetStatus();
        Assert.True(status.Connected);
        Assert.False(status.NeedsReconnection);
        Assert.Contains("could not be reached", status.LastError, StringComparison.Ordinal);
        Assert.True(await user.Disconnect(ScriptedTaskSource.ProviderName));
    }

    [Fact]
    public async Task A_token_refresh_that_never_answers_is_an_outage_not_a_lost_connection()
    {
        var (user, account, integration) = await cluster.NewSyncedUserAsync(a => a.TokenLifetime = TimeSpan.FromMinutes(10));
        await cluster.Advance(TimeSpan.FromMinutes(10));
        account.Hang(ScriptedCall.Refresh);

        await integration.RequestSync();
        await cluster.Until(() => account.Cancelled(ScriptedCall.Refresh) == 1, "the hung refresh cancelled");

        var status = await integration.GetStatus();
        Assert.False(status.NeedsReconnection);
        Assert.Contains("could not be reached", status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_work_turn_waits_on_the_provider_for_one_timeout_and_leaves_the_other_closes_to_the_next()
    {
        var (user, account, integration) = await cluster.NewSyncedUserAsync(a => a.SetTasks(Task("c1"), Task("c2")));
        account.Hang(ScriptedCall.Close, times: 2);
        // Both closes are handed over while the grain waits on a listing, so one work turn finds both due.
        account.Hang(ScriptedCall.Fetch);
        var fetches = account.Started(ScriptedCall.Fetch);
        await integration.RequestSync();
        await cluster.Until(() => account.Started(ScriptedCall.Fetch) > fetches, "the listing under way");
        var first = integration.TaskDone("tip-c1", "c1");
        var second = integration.TaskDone("tip-c2", "c2");

        await cluster.Until(() => first.IsCompleted && second.IsCompleted, "both closes handed over");
        await first;
        await second;
        await cluster.Until(() => account.Cancelled(ScriptedCall.Close) == 2, "both hung closes cancelled");

        var starts = account.CloseStarts;
        Assert.Equal(2, starts.Count);
        // The second close waited for a later turn, instead of starting when the first one timed out.
        Assert.True(starts[1] - starts[0] > CallTimeout + TimeSpan.FromMilliseconds(500), $"closes started {starts[1] - starts[0]} apart");
    }

    [Fact]
    public async Task A_user_whose_integration_grain_is_stuck_is_answered_while_the_done_is_retried()
    {
        var user = await cluster.NewUserAsync();
        var account = cluster.Source.Account(user.GetPrimaryKeyString());
        account.SetTasks(Task("s1"));
        await cluster.ConnectAsync(user);
        var tip = await cluster.NextTipAsync(user);
        var integration = cluster.Integration(user);
        // The provider's client ignores cancellation: the integration grain is stuck until the test lets go.
        account.StallNextFetch();
        var fetches = account.Started(ScriptedCall.Fetch);
        await integration.RequestSync();
        await cluster.Until(() => account.Started(ScriptedCall.Fetch) > fetches, "the listing under way");

        // The done goes to the outbox, whose hand-over to the stuck integration grain cannot finish.
        Assert.Equal(FeedbackStatus.Recorded, (await user.React(tip.TipId, Reaction.Done, dwellMs: 20_000)).Status);
        await cluster.Advance(TimeSpan.FromSeconds(1));
        var askedAt = cluster.Clock.GetUtcNow();
        var summary = user.GetSummary();
        await cluster.Until(() => summary.IsCompleted, "the user's next request answered");
        await summary;

        Assert.True(cluster.Clock.GetUtcNow() - askedAt < CallTimeout * 3, $"answered after {cluster.Clock.GetUtcNow() - askedAt}");
        account.ReleaseStall();
        await cluster.Until(() => account.Closed.Contains("s1"), "the task closed at the source once the grain is free");
    }

    [Fact]
    public async Task An_authorization_whose_provider_stops_answering_fails_and_gives_the_issued_tokens_back()
    {
        var user = await cluster.NewUserAsync();
        var userId = user.GetPrimaryKeyString();
        var account = cluster.Source.Account(userId);
        // The code is exchanged, then the account lookup never answers.
        account.Hang(ScriptedCall.Account);
        var redirect = "https://oo.example/api/integrations/scripted/callback";
        var url = await cluster.Grains.GetIntegrationGrain(userId, ScriptedTaskSource.ProviderName).BeginAuthorization(redirect);
        var state = Uri.UnescapeDataString(new Uri(url!).Query.Split('&')[0].Split('=')[1]);

        var outcome = user.CompleteConnect(ScriptedTaskSource.ProviderName, userId, state, redirect);
        await cluster.Until(() => outcome.IsCompleted, "the callback answered");

        Assert.Equal(AuthorizationOutcome.Unavailable, await outcome);
        Assert.Equal(1, account.Cancelled(ScriptedCall.Account));
        await cluster.Until(() => account.RevokedTokens.Count == 1, "the issued tokens revoked");
        Assert.Empty(await user.GetIntegrations());
    }

    private static SourceTask Task(string sourceRef) =>
        new(sourceRef, $"Task {sourceRef}", 2, null, null, DateTimeOffset.UtcNow.AddDays(-1));
}
