using OO.Grains.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Users;

namespace OO.Grains.Tests;

/// <summary>The user and integration grains' decisions that need no silo: authorizations, close reconciliation, the served-tip log, the candidate pool.</summary>
public sealed class PlainGrainRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_authorization_state_works_once_and_only_before_it_expires()
    {
        List<PendingAuthorization> pending = [];
        var value = PendingAuthorizations.Begin(pending, Now, TimeSpan.FromMinutes(10));
        var late = PendingAuthorizations.Begin(pending, Now, TimeSpan.FromMinutes(10));

        Assert.DoesNotContain(pending, p => p.StateHash.Contains(value, StringComparison.Ordinal));
        Assert.True(PendingAuthorizations.TryConsume(pending, value, Now.AddMinutes(1), out _));
        Assert.False(PendingAuthorizations.TryConsume(pending, value, Now.AddMinutes(1), out _));
        Assert.False(PendingAuthorizations.TryConsume(pending, late, Now.AddMinutes(11), out var changed));
        Assert.True(changed);
        Assert.Empty(pending);
    }

    [Fact]
    public void Only_the_latest_few_authorizations_stay_open()
    {
        List<PendingAuthorization> pending = [];
        var first = PendingAuthorizations.Begin(pending, Now, TimeSpan.FromMinutes(10));
        for (var i = 0; i < PendingAuthorizations.Kept; i++)
        {
            PendingAuthorizations.Begin(pending, Now, TimeSpan.FromMinutes(10));
        }

        Assert.Equal(PendingAuthorizations.Kept, pending.Count);
        Assert.False(PendingAuthorizations.TryConsume(pending, first, Now, out _));
    }

    [Fact]
    public void An_unclear_close_waits_for_a_later_listing_then_counts_a_vanished_or_moved_task_as_closed()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var close = new PendingClose
        {
            TipId = "tip", SourceRef = "t1", Uncertain = true, LastAttemptAt = Now, DueKnown = true, DueDate = today,
        };
        SourceTask same = new("t1", "Water the plants", 1, today, null, Now);

        Assert.Equal(CloseStep.Attempt, CloseReconciliation.Decide(new PendingClose { TipId = "tip", SourceRef = "t1" }, null, null));
        Assert.Equal(CloseStep.WaitForListing, CloseReconciliation.Decide(close, Now, [same]));
        Assert.Equal(CloseStep.Attempt, CloseReconciliation.Decide(close, Now.AddSeconds(1), [same]));
        Assert.Equal(CloseStep.AlreadyClosed, CloseReconciliation.Decide(close, Now.AddSeconds(1), []));
        Assert.Equal(CloseStep.AlreadyClosed, CloseReconciliation.Decide(close, Now.AddSeconds(1), [same with { DueDate = today.AddDays(7) }]));
    }

    [Fact]
    public void The_served_tip_log_keeps_the_newest_and_the_last_is_current_while_open_and_unexpired()
    {
        List<ServedTip> log = [];
        for (var i = 0; i < 5; i++)
        {
            ServedTipLog.Append(log, Served($"t{i}"), capacity: 3);
        }

        Dictionary<string, SourceTasks> sources = new() { ["demo"] = new SourceTasks { Tasks = [new("t4", "x", 1, null, null, Now)] } };

        Assert.Equal(["t2", "t3", "t4"], log.Select(s => s.Tip.SourceRef));
        Assert.Same(log[^1], ServedTipLog.Current(log, sources, Now));
        Assert.Null(ServedTipLog.Current(log, sources, Now.AddHours(1)));
        Assert.Null(ServedTipLog.Current(log, new Dictionary<string, SourceTasks>(), Now));
        log[^1].Reaction = Reaction.Done;
        Assert.Null(ServedTipLog.Current(log, sources, Now));
    }

    [Fact]
    public void The_candidate_pool_leaves_out_hidden_tasks_until_their_time_and_keeps_a_stable_order()
    {
        Dictionary<string, SourceTasks> sources = new()
        {
            ["todoist"] = new SourceTasks { Tasks = [new("b", "B", 1, null, null, Now), new("a", "A", 1, null, null, Now)] },
            ["demo"] = new SourceTasks { Tasks = [new("z", "Z", 1, null, null, Now)] },
        };
        Dictionary<string, DateTimeOffset> hidden = new() { [CandidatePool.Key("todoist", "a")] = Now.AddHours(1) };

        Assert.Equal(["demo:z", "todoist:b"], CandidatePool.Open(sources, hidden, Now).Select(c => CandidatePool.Key(c.Source, c.Task.SourceRef)));
        Assert.Equal(3, CandidatePool.Open(sources, hidden, Now.AddHours(1)).Count);
    }

    private static ServedTip Served(string sourceRef) => new()
    {
        Tip = new Tip(Guid.NewGuid().ToString("N"), sourceRef, TipKind.Task, "demo", sourceRef, Now, Now.AddMinutes(30), "linucb", 0.5),
    };
}
