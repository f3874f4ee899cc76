using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Users;
using OO.Grains.Tests.Infrastructure;
using OO.Grains.Users;
using OO.Learning.Meaning;

namespace OO.Grains.Tests;

/// <summary>Issue 10, item 1: every task reaches the user with what its title means, read on this host, and a sync never fails for it.</summary>
public sealed class TaskMeaningTests(GrainsCluster cluster) : IClassFixture<GrainsCluster>
{
    [Fact]
    public async Task A_synced_users_tasks_carry_the_meaning_of_their_titles()
    {
        var tag = Tag();
        var (user, _, _) = await cluster.NewSyncedUserAsync(a => a.SetTasks(Open("t1", $"Call the bank {tag}"), Open("t2", $"Write the blog post {tag}")));

        var tasks = await StoredTasks(user, ts => ts.Count == 2);

        Assert.All(tasks, t => Assert.NotEqual(MeaningCode.Unknown, t.Meaning));
        Assert.All(tasks, t => Assert.Equal(HashedNgramMeaning.MeaningOf(t.Content), t.Meaning));
        Assert.NotEqual(tasks[0].Meaning, tasks[1].Meaning);
    }

    [Fact]
    public async Task An_unchanged_title_is_read_once_and_only_new_titles_are_read_later()
    {
        var tag = Tag();
        var (user, account, integration) = await cluster.NewSyncedUserAsync(a => a.SetTasks(Open("t1", $"Call the bank {tag}")));
        await StoredTasks(user, ts => ts.Count == 1);

        for (var poll = 0; poll < 3; poll++)
        {
            // Collected between polls, as integration grains are in production: what was read is remembered in its state.
            await cluster.Cluster.DeactivateAsync(integration);
            var fetches = account.Fetches;
            await integration.RequestSync();
            await cluster.Until(() => account.Fetches > fetches, "a poll");
        }

        account.SetTasks(Open("t1", $"Call the bank {tag}"), Open("t2", $"Phone grandma {tag}"));
        await integration.RequestSync();
        var tasks = await StoredTasks(user, ts => ts.Count == 2);

        Assert.Equal(1, cluster.Meaning.Reads($"Call the bank {tag}"));
        Assert.Equal(1, cluster.Meaning.Reads($"Phone grandma {tag}"));
        Assert.All(tasks, t => Assert.NotEqual(MeaningCode.Unknown, t.Meaning));
    }

    [Fact]
    public async Task A_failing_engine_still_delivers_the_tasks_and_a_later_sync_fills_their_meaning_in()
    {
        var tag = Tag();
        cluster.Meaning.Fail(tag);
        var (user, _, integration) = await cluster.NewSyncedUserAsync(a => a.SetTasks(Open("t1", $"Call the bank {tag}")));

        var first = await StoredTasks(user, ts => ts.Count == 1);
        Assert.Equal(MeaningCode.Unknown, first[0].Meaning);
        Assert.Null((await integration.GetStatus()).LastError);
        Assert.NotNull(await user.GetTip());

        cluster.Meaning.Heal(tag);
        await integration.RequestSync();
        var later = await StoredTasks(user, ts => ts.Count == 1 && ts[0].Meaning != MeaningCode.Unknown);
        Assert.Equal(HashedNgramMeaning.MeaningOf($"Call the bank {tag}"), later[0].Meaning);
    }

    [Fact]
    public async Task An_engine_that_never_answers_does_not_hold_the_sync()
    {
        var tag = Tag();
        cluster.Meaning.Hang(tag);

        var (user, _, integration) = await cluster.NewSyncedUserAsync(a => a.SetTasks(Open("t1", $"Phone grandma {tag}")));

        var tasks = await StoredTasks(user, ts => ts.Count == 1);
        Assert.Equal(MeaningCode.Unknown, tasks[0].Meaning);
        Assert.Null((await integration.GetStatus()).LastError);
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private static SourceTask Open(string sourceRef, string content) => new(sourceRef, content, 1, null, null, DateTimeOffset.UnixEpoch);

    /// <summary>The user's stored tasks of the scripted source, once <paramref name="ready"/> holds for them.</summary>
    private async Task<List<SourceTask>> StoredTasks(IUserGrain user, Func<List<SourceTask>, bool> ready)
    {
        List<SourceTask> Read() =>
            cluster.Storage.Stored<UserState>(user.GetGrainId(), "user")?.Sources.GetValueOrDefault(ScriptedTaskSource.ProviderName)?.Tasks.ToList() ?? [];
        await cluster.Until(() => ready(Read()), "the user's tasks");
        return Read();
    }
}
