using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Tests.Infrastructure;

namespace OO.Grains.Tests;

/// <summary>Issue 9, defect 12: a tip request right after connecting waits for the first sync, and says why when there is no tip.</summary>
public sealed class FirstTipTests(GrainsCluster cluster) : IClassFixture<GrainsCluster>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Right_after_connecting_the_request_waits_for_the_first_sync_and_then_there_is_a_tip()
    {
        var user = await cluster.NewUserAsync();
        cluster.Source.Account(user.GetPrimaryKeyString()).SetTasks(new SourceTask("t1", "Call the bank", 2, null, null, DateTimeOffset.UtcNow));
        await cluster.ConnectAsync(user);

        var waiting = user.AwaitTipState(Wait);
        await cluster.Until(() => waiting.IsCompleted, "the wait to end");

        Assert.Equal(TipState.Ready, await waiting);
        Assert.Equal("Call the bank", (await user.GetTip())?.Content);
    }

    [Fact]
    public async Task Without_a_source_the_state_is_no_source()
    {
        var user = await cluster.NewUserAsync();

        Assert.Equal(TipState.NoSource, await user.AwaitTipState(Wait));
    }

    [Fact]
    public async Task With_every_task_done_the_state_is_all_done()
    {
        var user = await cluster.NewUserAsync();
        await cluster.ConnectAsync(user);
        var waiting = user.AwaitTipState(Wait);
        await cluster.Until(() => waiting.IsCompleted, "the wait to end");

        Assert.Equal(TipState.AllDone, await waiting);
    }

    [Fact]
    public async Task Before_the_first_snapshot_arrives_the_state_is_syncing()
    {
        var user = await cluster.NewUserAsync();
        cluster.Source.Account(user.GetPrimaryKeyString()).SetTasks(new SourceTask("t1", "Call the bank", 2, null, null, DateTimeOffset.UtcNow));
        await cluster.ConnectAsync(user);

        // The clock has not moved, so the stream has not delivered the first snapshot yet.
        Assert.Equal(TipState.Syncing, await user.AwaitTipState(TimeSpan.Zero));
    }
}
