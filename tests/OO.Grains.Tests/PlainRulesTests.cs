using OO.Grains.Integrations;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Learning;
using OO.Learning.Logging;

namespace OO.Grains.Tests;

/// <summary>The decisions that need no silo: back-off, task limits, the snapshot fingerprint, logged candidates, keys.</summary>
public sealed class PlainRulesTests
{
    [Theory]
    [InlineData(1, 0.0, 5)]
    [InlineData(1, 1.0, 10)]
    [InlineData(3, 1.0, 40)]
    [InlineData(10, 1.0, 60)]
    public void Backoff_doubles_from_the_first_delay_with_jitter_and_stops_at_the_cap(int attempt, double jitter, int seconds)
    {
        var delay = Backoff.Delay(TimeSpan.FromSeconds(10), attempt, TimeSpan.FromSeconds(60), jitter);

        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    [Fact]
    public void Task_limits_keep_the_soonest_due_count_the_rest_and_cut_long_titles()
    {
        var today = new DateOnly(2026, 11, 27);
        SourceTask[] tasks =
        [
            new("late", "Later", 4, today.AddDays(9), null, DateTimeOffset.UnixEpoch),
            new("soon", new string('a', 40), 1, today, null, DateTimeOffset.UnixEpoch),
            new("none", "No date", 4, null, null, DateTimeOffset.UnixEpoch),
        ];

        var (kept, omitted) = TaskListLimits.Apply(tasks, maxTasks: 2, maxTitleLength: 20);

        Assert.Equal(["late", "soon"], kept.Select(t => t.SourceRef));
        Assert.Equal(1, omitted);
        Assert.Equal(20, kept[1].Content.Length);
        Assert.EndsWith("…", kept[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void The_snapshot_fingerprint_changes_with_the_content_only()
    {
        SourceTask[] tasks = [new("a", "A", 1, null, null, DateTimeOffset.UnixEpoch)];

        Assert.Equal(TaskListLimits.Hash(tasks, 0), TaskListLimits.Hash([.. tasks], 0));
        Assert.NotEqual(TaskListLimits.Hash(tasks, 0), TaskListLimits.Hash(tasks, 1));
        Assert.NotEqual(TaskListLimits.Hash(tasks, 0), TaskListLimits.Hash([tasks[0] with { Content = "B" }], 0));
    }

    [Fact]
    public void A_decision_logs_the_best_scored_candidates_and_always_the_chosen_one()
    {
        double[] scores = [0.1, 0.9, 0.5, 0.7, 0.2];

        Assert.Equal([1, 3], TipChooser.LoggedIndices(scores, chosenIndex: 1, limit: 2));
        Assert.Equal([0, 1, 3], TipChooser.LoggedIndices(scores, chosenIndex: 0, limit: 2));
    }

    [Fact]
    public void A_decision_log_entry_reads_back_what_was_written()
    {
        var entry = new DecisionLogEntry(false, [new LoggedCandidate("demo:1", [1.0, 0.5], 0.3)], 0, 7, 0.25, "linucb", [new ShadowChoice("random", -1)], ["bias", "x"]);

        var read = DecisionLogEntry.TryParse(entry.ToJson());

        Assert.NotNull(read);
        Assert.Equal(entry.ToJson(), read.ToJson());
        Assert.Null(DecisionLogEntry.TryParse("""{"candidates":[],"chosenIndex":0}"""));
    }

    [Theory]
    [InlineData("u1", "todoist")]
    [InlineData("a/b", "demo")]
    public void An_integration_key_round_trips_through_its_grain_key(string userId, string provider)
    {
        var key = new IntegrationKey(userId, provider);

        Assert.Equal(key, IntegrationKey.Parse(key.ToString()));
        Assert.Throws<ArgumentException>(() => new IntegrationKey(userId, "to/doist"));
        Assert.Throws<FormatException>(() => IntegrationKey.Parse("no-separator"));
    }
}
