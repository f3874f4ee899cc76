using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using OO.Learning.Logging;

namespace OO.Grains.Tests.Infrastructure;

/// <summary>
/// People who all share one taste: they do normal-priority tasks and dismiss urgent ones. Every task has the
/// same title and age, so priority is the only thing that tells them apart, whatever the feature layout.
/// </summary>
public static class Teachers
{
    /// <summary>The source's key of the normal-priority task every test user has.</summary>
    public const string Normal = "scripted:normal";

    /// <summary>The source's key of the urgent task every test user has.</summary>
    public const string Urgent = "scripted:urgent";

    /// <summary>A user whose only tasks are one normal and one urgent task, both with the same title and age.</summary>
    public static async Task<IUserGrain> NewUserWithTwoTasksAsync(GrainsCluster cluster, DateTimeOffset addedAt)
    {
        var (user, _, _) = await cluster.NewSyncedUserAsync(account => account.SetTasks(
            new SourceTask("normal", "Task", 1, null, null, addedAt),
            new SourceTask("urgent", "Task", 4, null, null, addedAt)));
        await UntilReadyAsync(cluster, user);
        return user;
    }

    /// <summary><paramref name="people"/> new users who react to every tip they get; returns how many rewards they gave.</summary>
    public static async Task<int> TeachAsync(GrainsCluster cluster, int people, DateTimeOffset addedAt)
    {
        var rewards = 0;
        for (var person = 0; person < people; person++)
        {
            var (user, _, _) = await cluster.NewSyncedUserAsync(account => account.SetTasks(
                [.. Enumerable.Range(0, 3).SelectMany(i => new[]
                {
                    new SourceTask($"normal-{i}", "Task", 1, null, null, addedAt),
                    new SourceTask($"urgent-{i}", "Task", 4, null, null, addedAt),
                })]));
            await UntilReadyAsync(cluster, user);
            for (var i = 0; i < 6 && await user.GetTip() is { } tip; i++)
            {
                var outcome = tip.SourceRef.StartsWith("normal", StringComparison.Ordinal)
                    ? await user.React(tip.TipId, Reaction.Done, dwellMs: 30_000)
                    : await user.React(tip.TipId, Reaction.Dismiss, dwellMs: 2_000);
                Assert.Equal(FeedbackStatus.Recorded, outcome.Status);
                rewards++;
            }
        }

        return rewards;
    }

    /// <summary>Waits until the user's first snapshot has arrived and there is a tip to serve.</summary>
    public static async Task UntilReadyAsync(GrainsCluster cluster, IUserGrain user)
    {
        var waiting = user.AwaitTipState(TimeSpan.FromSeconds(3));
        await cluster.Until(() => waiting.IsCompleted, "the first snapshot");
        Assert.Equal(TipState.Ready, await waiting);
    }

    /// <summary>The scores the serving policy gave the normal and the urgent task in a user's first decision.</summary>
    public static (double Normal, double Urgent) FirstScores(GrainsCluster cluster, IUserGrain user)
    {
        var served = cluster.Analytics.Served.First(r => r.UserId == user.GetPrimaryKeyString());
        var decision = DecisionLogEntry.TryParse(served.DecisionJson) ?? throw new InvalidOperationException("The decision log entry does not parse.");
        return (decision.Candidates.Single(c => c.Key == Normal).Score, decision.Candidates.Single(c => c.Key == Urgent).Score);
    }
}
