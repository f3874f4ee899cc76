using OO.Grains.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Learning.Meaning;

namespace OO.Grains.Tests;

/// <summary>Which titles go to the meaning engine, and what a snapshot carries and remembers; no silo needed.</summary>
public sealed class SnapshotMeaningsTests
{
    private static readonly SourceTask Bank = new("t1", "Call the bank", 1, null, null, DateTimeOffset.UnixEpoch);
    private static readonly SourceTask Blog = new("t2", "Write the blog post", 1, null, null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Only_titles_not_remembered_are_read_and_each_once()
    {
        var known = new Dictionary<string, ulong> { [SnapshotMeanings.Key("Call the bank")] = 7 };

        var missing = SnapshotMeanings.Missing([Bank, Blog, Blog with { SourceRef = "t3" }], known);

        Assert.Equal(["Write the blog post"], missing);
    }

    [Fact]
    public void A_remembered_meaning_is_reused_and_an_unread_title_stays_unknown_and_unremembered()
    {
        var known = new Dictionary<string, ulong> { [SnapshotMeanings.Key("Call the bank")] = 7 };

        var (tasks, remembered) = SnapshotMeanings.Apply([Bank, Blog], known, fresh: new Dictionary<string, ulong>());

        Assert.Equal([7UL, MeaningCode.Unknown], tasks.Select(t => t.Meaning));
        Assert.Equal([SnapshotMeanings.Key("Call the bank")], remembered.Keys);
    }

    [Fact]
    public void The_same_titles_read_again_give_an_equal_snapshot_and_hash()
    {
        var fresh = new Dictionary<string, ulong> { [SnapshotMeanings.Key("Call the bank")] = 7, [SnapshotMeanings.Key("Write the blog post")] = 9 };
        var (first, remembered) = SnapshotMeanings.Apply([Bank, Blog], new Dictionary<string, ulong>(), fresh);

        var (again, _) = SnapshotMeanings.Apply([Bank, Blog], remembered, new Dictionary<string, ulong>());

        Assert.Equal(first, again);
        Assert.Equal(TaskListLimits.Hash(first, 0), TaskListLimits.Hash(again, 0));
        Assert.NotEqual(TaskListLimits.Hash([Bank, Blog], 0), TaskListLimits.Hash(first, 0));
    }

    [Fact]
    public void Forgotten_titles_leave_the_memory_with_their_tasks()
    {
        var known = new Dictionary<string, ulong> { [SnapshotMeanings.Key("Call the bank")] = 7, [SnapshotMeanings.Key("Write the blog post")] = 9 };

        var (_, remembered) = SnapshotMeanings.Apply([Blog], known, new Dictionary<string, ulong>());

        Assert.Equal([SnapshotMeanings.Key("Write the blog post")], remembered.Keys);
    }
}
