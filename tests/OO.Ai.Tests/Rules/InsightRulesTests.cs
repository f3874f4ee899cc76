using OO.Ai.Gate;
using OO.Ai.Prompts;
using OO.Grains.Ai;
using OO.Grains.Interfaces.Ai;

namespace OO.Ai.Tests.Rules;

public sealed class InsightRulesTests
{
    private static readonly DateTimeOffset NineAm = new(2026, 11, 27, 9, 15, 0, TimeSpan.FromHours(1));

    private static int[] Hours(params (int Hour, int Count)[] done)
    {
        var hours = new int[24];
        foreach (var (hour, count) in done)
        {
            hours[hour] = count;
        }

        return hours;
    }

    private static TipContext Context(ReactionSummary reactions, DateTimeOffset? now = null, params ContextTask[] tasks) =>
        new(tasks, reactions, now ?? NineAm, new Dictionary<string, double>(), [], 3);

    private static ContextTask Task(string title, bool overdue = false, bool dueToday = false, int priority = 1) =>
        new($"todoist:{title.GetHashCode():x}", title, overdue, dueToday, priority);

    [Fact]
    public void Finishing_most_tasks_in_the_morning_points_at_a_due_task_while_it_is_morning()
    {
        var report = Task("Send the invoice", dueToday: true);
        var context = Context(new ReactionSummary(5, 3, 2, Hours((8, 4), (9, 3), (10, 1), (15, 2))), NineAm, Task("Someday: learn Go"), report);

        var insight = Assert.Single(InsightRules.Propose(context));

        Assert.Equal("You finish most tasks between 08:00 and 11:00 — now is a good time for \"Send the invoice\".", insight.Content);
        Assert.Equal(("insight", report.SourceRef, 0.8), (insight.Kind, insight.AboutRef, insight.Confidence));
    }

    [Fact]
    public void Outside_the_peak_the_hours_insight_points_at_no_task()
    {
        var context = Context(new ReactionSummary(5, 3, 2, Hours((8, 4), (9, 3), (10, 1), (15, 2))), NineAm.AddHours(8), Task("Send the invoice", dueToday: true));

        var insight = Assert.Single(InsightRules.Propose(context));

        Assert.StartsWith("You finish most tasks between 08:00 and 11:00", insight.Content, StringComparison.Ordinal);
        Assert.Null(insight.AboutRef);
    }

    [Fact]
    public void Too_few_reactions_or_no_clear_peak_say_nothing()
    {
        Assert.Empty(InsightRules.Propose(Context(new ReactionSummary(5, 1, 1, Hours((8, 5))), NineAm, Task("Send the invoice", dueToday: true))));
        var spread = Hours([.. Enumerable.Range(6, 12).Select(h => (h, 1))]);
        Assert.Empty(InsightRules.Propose(Context(new ReactionSummary(5, 2, 5, spread), NineAm, Task("Send the invoice"))));
    }

    [Fact]
    public void Many_snoozes_are_named_with_their_counts()
    {
        var insight = Assert.Single(InsightRules.Propose(Context(new ReactionSummary(2, 6, 2, new int[24]))));

        Assert.Equal("You snoozed 6 of your recent 10 tips — a small task finished now can beat a big one later.", insight.Content);
        Assert.Equal(0.6, insight.Confidence);
    }

    [Fact]
    public void A_run_of_done_tips_points_at_the_most_pressing_task()
    {
        var urgent = Task("Renew the passport", overdue: true, priority: 4);
        var insight = Assert.Single(InsightRules.Propose(Context(new ReactionSummary(9, 1, 0, new int[24]), NineAm, Task("Tidy the desk"), urgent)));

        Assert.Equal("You finished 9 of your recent 10 tips — keep it going with \"Renew the passport\".", insight.Content);
        Assert.Equal(urgent.SourceRef, insight.AboutRef);
    }

    [Fact]
    public void Three_overdue_tasks_make_an_insight_without_any_reactions()
    {
        var context = Context(new ReactionSummary(0, 0, 0, new int[24]), NineAm,
            Task("Pay rent", overdue: true, priority: 4), Task("Book flights", overdue: true), Task("Return the parcel", overdue: true));

        var insight = Assert.Single(InsightRules.Propose(context));

        Assert.Equal("3 of your tasks are overdue — finishing \"Pay rent\" first would lighten the list.", insight.Content);
    }

    [Fact]
    public void A_long_title_is_shortened_so_the_insight_fits_the_gate()
    {
        var title = string.Join(' ', Enumerable.Repeat("Prepare the very long quarterly board presentation", 4));
        var context = Context(new ReactionSummary(9, 1, 0, new int[24]), NineAm, Task(title));

        var insight = Assert.Single(InsightRules.Propose(context));

        Assert.Equal(TipGate.MaxContentLength, insight.Content.Length);
        Assert.EndsWith("…\".", insight.Content, StringComparison.Ordinal);
        Assert.Null(new TipGate([context.Tasks[0].SourceRef], [], 3).Admit(insight));
    }

    [Fact]
    public void The_rules_version_is_the_hash_of_their_version_string() =>
        Assert.Equal(PromptLibrary.VersionOf(InsightRules.Version), InsightRules.PromptVersion);
}
