using OO.Grains.Interfaces.Admin;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using OO.Grains.Tests.Infrastructure;
using OO.Learning.Features;

namespace OO.Grains.Tests;

/// <summary>Issue 10, item 3: the profile follows the person's reactions and its TTL without anyone pressing rebuild, and never on a read.</summary>
public sealed class LiveProfileTests(GrainsCluster cluster) : IClassFixture<GrainsCluster>
{
    [Fact]
    public async Task A_reaction_recomputes_the_profile()
    {
        var (user, _, _) = await cluster.NewSyncedUserAsync(a => a.SetTasks(Open("t1", "Call the bank"), Open("t2", "Phone grandma")));
        await cluster.Until(async () => await user.AwaitTipState(TimeSpan.Zero) == TipState.Ready, "the tasks");

        var first = (await user.GetTip())!;
        await user.React(first.TipId, Reaction.Done, 30_000);
        var afterDone = await Feature(user, "completion_rate");
        var second = (await user.GetTip())!;
        await user.React(second.TipId, Reaction.Dismiss, 2_000);
        var afterDismiss = await Feature(user, "completion_rate");

        Assert.Equal(1.0, afterDone.Value);
        Assert.Equal(cluster.Clock.GetUtcNow(), afterDone.ComputedAt);
        Assert.Equal(0.5, afterDismiss.Value);
        Assert.Equal(0.5, (await Feature(user, "dismiss_rate")).Value);
    }

    [Fact]
    public async Task A_profile_past_its_ttl_is_recomputed_by_the_deliver_reminder_and_not_by_reads()
    {
        var (user, _, _) = await cluster.NewSyncedUserAsync(a => a.SetTasks(Open("t1", "Call the bank"), Open("t2", "Phone grandma")));
        await cluster.Until(async () => await user.AwaitTipState(TimeSpan.Zero) == TipState.Ready, "the tasks");
        var tip = (await user.GetTip())!;
        await user.React(tip.TipId, Reaction.Done, 30_000);
        var computed = (await Feature(user, "completion_rate")).ComputedAt;

        cluster.Clock.Advance(FeatureRegistry.ProfileTtl + TimeSpan.FromHours(1));
        // Reads only: GetTip is left out because it nudges a sync, and a changed snapshot may rightly recompute a stale profile.
        await user.AwaitTipState(TimeSpan.Zero);
        await user.GetAdminView();
        var afterReads = await Feature(user, "completion_rate");
        await user.DeliverNow();
        var afterReminder = await Feature(user, "completion_rate");

        Assert.Equal(computed, afterReads.ComputedAt);
        Assert.False(afterReads.Fresh);
        Assert.Equal(cluster.Clock.GetUtcNow(), afterReminder.ComputedAt);
        Assert.True(afterReminder.Fresh);
        Assert.Equal(1.0, afterReminder.Value);
    }

    private static SourceTask Open(string sourceRef, string content) => new(sourceRef, content, 1, null, null, DateTimeOffset.UnixEpoch);

    private static async Task<ProfileFeatureView> Feature(IUserGrain user, string name) =>
        (await user.GetProfile())!.Single(f => f.Name == name);
}
