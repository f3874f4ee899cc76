using OO.Grains.Interfaces.Tasks;
using OO.Grains.Tests.Infrastructure;
using OO.Grains.Users;
using OO.Learning.Logging;

namespace OO.Grains.Tests;

/// <summary>Issue 9, defect 9: an idle user costs no user-state write, and one user cannot make oO store without bound.</summary>
public sealed class IdleUserTests(GrainsCluster cluster) : IClassFixture<GrainsCluster>
{
    [Fact]
    public async Task Polls_of_an_unchanged_source_cause_no_user_state_write()
    {
        var user = await cluster.NewUserAsync();
        var account = cluster.Source.Account(user.GetPrimaryKeyString());
        account.SetTasks(Task("t1"), Task("t2"));
        await cluster.ConnectAsync(user);
        await cluster.Until(() => Stored(user)?.Sources.TryGetValue(ScriptedTaskSource.ProviderName, out var s) == true && s.Tasks.Count == 2, "the first snapshot stored");
        var writes = cluster.Storage.Writes(user.GetGrainId(), "user");
        var integration = cluster.Integration(user);

        for (var poll = 0; poll < 5; poll++)
        {
            // Collected between polls, as integration grains are in production.
            await cluster.Cluster.DeactivateAsync(integration);
            var fetches = account.Fetches;
            await integration.RequestSync();
            await cluster.Until(() => account.Fetches > fetches, "a poll");
        }

        // A change after the idle polls is the positive signal that every earlier snapshot was handled.
        account.SetTasks(Task("t1"), Task("t2"), Task("t3"));
        await integration.RequestSync();
        await cluster.Until(() => Stored(user)?.Sources[ScriptedTaskSource.ProviderName].Tasks.Count == 3, "the changed snapshot stored");

        Assert.Equal(writes + 1, cluster.Storage.Writes(user.GetGrainId(), "user"));
    }

    [Fact]
    public async Task Tasks_per_source_and_title_length_are_capped_and_the_rest_counted()
    {
        var user = await cluster.NewUserAsync();
        cluster.Source.Account(user.GetPrimaryKeyString())
            .SetTasks([.. Enumerable.Range(0, 60).Select(i => Task($"t{i}") with { Content = new string('x', 300) })]);
        await cluster.ConnectAsync(user);

        await cluster.Until(() => Stored(user)?.Sources.ContainsKey(ScriptedTaskSource.ProviderName) == true, "the snapshot stored");

        var kept = Stored(user)!.Sources[ScriptedTaskSource.ProviderName];
        Assert.Equal(50, kept.Tasks.Count);
        Assert.Equal(10, kept.OmittedCount);
        Assert.All(kept.Tasks, t => Assert.Equal(100, t.Content.Length));
    }

    [Fact]
    public async Task A_decision_logs_the_top_candidates_and_the_chosen_one_not_all()
    {
        var user = await cluster.NewUserAsync();
        cluster.Source.Account(user.GetPrimaryKeyString()).SetTasks([.. Enumerable.Range(0, 40).Select(i => Task($"t{i}"))]);
        await cluster.ConnectAsync(user);

        OO.Grains.Interfaces.Tips.Tip? tip = null;
        await cluster.Until(async () => (tip = await user.GetTip()) is not null, "a tip");

        var entry = DecisionLogEntry.TryParse(cluster.Analytics.Served.Single(s => s.TipId == tip!.TipId).DecisionJson);
        Assert.NotNull(entry);
        Assert.Equal(40, entry.CandidateCount);
        Assert.InRange(entry.Candidates.Count, 20, 21);
        Assert.Equal($"{ScriptedTaskSource.ProviderName}:{tip!.SourceRef}", entry.Candidates[entry.ChosenIndex].Key);
    }

    private UserState? Stored(OO.Grains.Interfaces.Users.IUserGrain user) => cluster.Storage.Stored<UserState>(user.GetGrainId(), "user");

    private static SourceTask Task(string sourceRef) =>
        new(sourceRef, $"Task {sourceRef}", 2, null, null, DateTimeOffset.UtcNow.AddDays(-1));
}
