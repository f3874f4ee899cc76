using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Users;
using OO.Learning.Features;

namespace OO.Grains.Tests;

/// <summary>What the generator is told, decided without a silo: the best-scored tasks, reactions counted, the local hour.</summary>
public sealed class TipContextAssemblerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Only_the_best_scored_tasks_are_sent_with_their_due_state_in_the_users_zone()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var tasks = new[]
        {
            ("scripted:a", new SourceTask("a", "Low", 1, null, null, Now), 0.1),
            ("scripted:b", new SourceTask("b", "High, due today in Tokyo", 4, new DateOnly(2026, 3, 2), null, Now), 0.9),
            ("scripted:c", new SourceTask("c", "Middle, overdue", 2, new DateOnly(2026, 3, 1), null, Now), 0.5),
        };

        var context = TipContextAssembler.Assemble(tasks, [], UserProfile.Empty, ["An advice"], Now, tokyo, topTasks: 2, maxCandidates: 3);

        Assert.Equal(["High, due today in Tokyo", "Middle, overdue"], context.Tasks.Select(t => t.Title));
        Assert.Equal((true, false, 4), (context.Tasks[0].DueToday, context.Tasks[0].Overdue, context.Tasks[0].Priority));
        Assert.Equal((false, true), (context.Tasks[1].DueToday, context.Tasks[1].Overdue));
        Assert.Equal(17, context.LocalNow.Hour);
        Assert.Equal(["An advice"], context.ExistingCandidates);
        Assert.Empty(context.Profile);
    }

    [Fact]
    public void Reactions_are_counted_and_done_ones_bucketed_by_local_hour()
    {
        ServedTip Served(Reaction? reaction, DateTimeOffset at, bool completedInSource = false) => new()
        {
            Tip = new Tip(Guid.NewGuid().ToString("N"), "x", TipKind.Task, "scripted", "r", at, at.AddMinutes(30), "linucb", 0.5),
            Reaction = reaction,
            ReactedAt = reaction is null ? null : at,
            CompletedInSourceAt = completedInSource ? at : null,
        };

        var summary = TipContextAssembler.Summarize(
            [Served(Reaction.Done, Now), Served(null, Now.AddHours(2), completedInSource: true), Served(Reaction.Snooze, Now), Served(Reaction.Dismiss, Now), Served(null, Now)],
            TimeZoneInfo.Utc);

        Assert.Equal((2, 1, 1), (summary.Done, summary.Snoozed, summary.Dismissed));
        Assert.Equal(1, summary.DoneByLocalHour[8]);
        Assert.Equal(1, summary.DoneByLocalHour[10]);
        Assert.Equal(2, summary.DoneByLocalHour.Sum());
    }

    [Fact]
    public void The_fingerprint_of_the_top_tasks_ignores_their_order_and_changes_with_the_set()
    {
        Assert.Equal(TipContextAssembler.Fingerprint(["a", "b"]), TipContextAssembler.Fingerprint(["b", "a"]));
        Assert.NotEqual(TipContextAssembler.Fingerprint(["a", "b"]), TipContextAssembler.Fingerprint(["a", "c"]));
    }
}
