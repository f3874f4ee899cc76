using OO.Api.Http;
using OO.Grains.Interfaces.Users;
using Orleans.Runtime;

namespace OO.Tests.Api;

/// <summary>How long and how often a grain call that lost its silo is tried again, and which calls may be.</summary>
public sealed class GrainRetryPolicyTests
{
    private static readonly GrainRetryPolicy Policy = new(TimeSpan.FromSeconds(12), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1));

    [Fact]
    public void Pauses_double_from_the_first_and_stop_growing_at_the_longest()
    {
        var pauses = Enumerable.Range(1, 7).Select(retry => Policy.PauseBefore(retry, TimeSpan.Zero)!.Value.TotalMilliseconds).ToArray();

        Assert.Equal([50, 100, 200, 400, 800, 1000, 1000], pauses);
    }

    [Fact]
    public void No_try_starts_after_the_budget()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), Policy.PauseBefore(20, TimeSpan.FromSeconds(11)));
        Assert.Null(Policy.PauseBefore(20, TimeSpan.FromSeconds(11.5)));
        Assert.Null(Policy.PauseBefore(1, TimeSpan.FromSeconds(12)));
    }

    [Fact]
    public void Only_a_rejected_message_counts_as_a_lost_silo()
    {
        Assert.True(GrainRetryPolicy.IsSiloLoss(new SiloUnavailableException()));
        Assert.False(GrainRetryPolicy.IsSiloLoss(new TimeoutException()));
        Assert.False(GrainRetryPolicy.IsSiloLoss(new InvalidOperationException()));
        Assert.False(GrainRetryPolicy.IsSiloLoss(new UserDeletedException()));
    }

    [Fact]
    public void Reads_and_reactions_may_be_repeated_and_other_writes_may_not()
    {
        Assert.True(SafeGrainCalls.MayRepeat(typeof(IUserGrain).GetMethod(nameof(IUserGrain.GetTip))!));
        Assert.True(SafeGrainCalls.MayRepeat(typeof(IUserGrain).GetMethod(nameof(IUserGrain.React))!));
        Assert.True(SafeGrainCalls.MayRepeat(typeof(IUserGrain).GetMethod(nameof(IUserGrain.GetSessionStamp))!));
        Assert.False(SafeGrainCalls.MayRepeat(typeof(IUserGrain).GetMethod(nameof(IUserGrain.Delete))!));
        Assert.False(SafeGrainCalls.MayRepeat(typeof(IUserGrain).GetMethod(nameof(IUserGrain.CompleteConnect))!));
        Assert.False(SafeGrainCalls.MayRepeat(typeof(IUserGrain).GetMethod(nameof(IUserGrain.UpdateSettings))!));
    }
}
