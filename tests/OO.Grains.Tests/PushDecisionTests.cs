using OO.Grains.Interfaces.Push;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using OO.Grains.Tests.Infrastructure;
using OO.Learning.Logging;

namespace OO.Grains.Tests;

/// <summary>
/// Issue 10, items 3 and 5: a push serves the serving policy's own choice among every open candidate and logs it
/// honestly, and the bar it must clear moves with the person's usual hours. The cluster's threshold starts at 0.
/// </summary>
public sealed class PushDecisionTests(GrainsCluster cluster) : IClassFixture<GrainsCluster>
{
    [Fact]
    public async Task A_pushed_tip_logs_the_policys_propensity_over_every_open_candidate()
    {
        MoveToNextDayAt(10);
        var user = await PushUserAsync(Open("t1", "Call the bank"), Open("t2", "Phone grandma"), Open("t3", "Write the blog post"));
        // One tip done in its best moment: the model now expects a reward above 0 for the other two.
        var first = (await user.GetTip())!;
        await user.React(first.TipId, Reaction.Done, 30_000);

        var decision = await user.DeliverNow();

        Assert.Equal("Send", decision.Reason);
        var row = Assert.Single(cluster.Analytics.Served, r => r.TipId == decision.TipId);
        var log = DecisionLogEntry.TryParse(row.DecisionJson);
        Assert.NotNull(log);
        Assert.False(log.Rebuilt);
        Assert.Equal(2, log.CandidateCount);
        Assert.Equal(2, log.Candidates.Count);
        Assert.InRange(log.Propensity, 0.0, 0.999);
        Assert.Equal(log.Propensity, row.Propensity);
        Assert.Equal(log.Propensity, (await user.GetAdminView())!.RecentTips[0].Propensity);
    }

    [Fact]
    public async Task A_choice_not_worth_a_push_serves_no_tip()
    {
        MoveToNextDayAt(10);
        var user = await PushUserAsync(Open("t1", "Call the bank"), Open("t2", "Phone grandma"));

        // Nobody knows this person yet: the expected reward (0) does not clear the threshold (0).
        var decision = await user.DeliverNow();

        Assert.Equal("BelowThreshold", decision.Reason);
        Assert.Null(decision.TipId);
        Assert.Equal(0, (await user.GetSummary()).Stats.TipsServed);
        Assert.DoesNotContain(cluster.Analytics.Served, r => r.UserId == user.GetPrimaryKeyString());
    }

    [Fact]
    public async Task Someone_who_reacts_at_nine_is_pushed_at_nine_and_not_at_nine_in_the_evening()
    {
        MoveToNextDayAt(9);
        var user = await PushUserAsync(Open("t1", "Call the bank"), Open("t2", "Phone grandma"), Open("t3", "Write the blog post"));
        Assert.Equal("BelowThreshold", (await user.DeliverNow()).Reason);

        // Snoozes teach the model nothing (reward 0), so the expected reward stays 0 at every hour: only the profile moves.
        for (var day = 0; day < 4; day++)
        {
            MoveToNextDayAt(9);
            for (var i = 0; i < 3; i++)
            {
                var tip = (await user.GetTip())!;
                await user.React(tip.TipId, Reaction.Snooze, 3_000);
            }
        }

        MoveToNextDayAt(21);
        Assert.Equal("BelowThreshold", (await user.DeliverNow()).Reason);
        MoveToNextDayAt(9);
        Assert.Equal("Send", (await user.DeliverNow()).Reason);
    }

    private static SourceTask Open(string sourceRef, string content) => new(sourceRef, content, 1, null, null, DateTimeOffset.UnixEpoch);

    /// <summary>A synced user with these tasks, notifications on at every hour (no quiet hours), and one device.</summary>
    private async Task<IUserGrain> PushUserAsync(params SourceTask[] tasks)
    {
        var (user, _, _) = await cluster.NewSyncedUserAsync(a => a.SetTasks(tasks));
        await cluster.Until(async () => (await user.AwaitTipState(TimeSpan.Zero)) == TipState.Ready, "the tasks");
        await user.UpdateSettings(new UserSettings("UTC", new TimeOnly(0, 0), new TimeOnly(0, 0), 3, Notify: true));
        var device = Guid.NewGuid().ToString("N");
        await user.AddPushSubscription(new PushSubscriptionData($"https://push.example/{device}", "p256dh", "auth"));
        return user;
    }

    private void MoveToNextDayAt(int hour)
    {
        var now = cluster.Clock.GetUtcNow();
        cluster.Clock.SetUtcNow(new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(hour), TimeSpan.Zero));
    }
}
