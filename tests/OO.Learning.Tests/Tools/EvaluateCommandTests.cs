using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OO.Learning.Features;
using OO.Learning.Logging;
using OO.Learning.Policies;
using OO.Learning.Tests.Evaluation;

namespace OO.Learning.Tests.Tools;

public sealed class EvaluateCommandTests
{
    private static readonly string Obd = Path.Combine(AppContext.BaseDirectory, "Data", "obd");

    private static void AssertEstimate(JsonElement e)
    {
        var estimate = e.GetProperty("estimate").GetDouble();
        Assert.InRange(estimate, e.GetProperty("ciLow").GetDouble(), e.GetProperty("ciHigh").GetDouble());
    }

    [Fact]
    public void Evaluate_obd_json_has_replay_ips_and_snips_per_policy_and_the_logged_mean()
    {
        var json = CliRunner.Json(
            "evaluate", "--format", "obd",
            "--data", Path.Combine(Obd, "random_small.csv"),
            "--item-context", Path.Combine(Obd, "item_context.csv"),
            "--policies", "linucb,thompson,epsilon-greedy,random", "--json");

        Assert.Equal(39, json.GetProperty("events").GetInt32());
        Assert.InRange(json.GetProperty("loggedMean").GetDouble(), 0, 1);
        var policies = json.GetProperty("policies").EnumerateArray().ToArray();
        Assert.Equal(["linucb", "thompson", "epsilon-greedy", "random"], policies.Select(p => p.GetProperty("name").GetString()));
        foreach (var policy in policies)
        {
            AssertEstimate(policy.GetProperty("ips"));
            AssertEstimate(policy.GetProperty("snips"));
            Assert.InRange(policy.GetProperty("replay").GetProperty("matched").GetInt32(), 0, 39);
        }
    }

    [Fact]
    public void Evaluate_oo_reads_a_sqlite_log_skips_unrewarded_tips_and_recovers_the_random_loggers_mean()
    {
        var path = Path.Combine(Path.GetTempPath(), $"oo-log-{Guid.NewGuid():N}.db");
        try
        {
            WriteLog(path, SyntheticLog.UniformlyLogged(2000, 4, 5), unrewarded: 7);

            var json = CliRunner.Json("evaluate", "--format", "oo", "--connection", $"Data Source={path}", "--policies", "random,linucb", "--json");

            Assert.Equal(2000, json.GetProperty("events").GetInt32());
            Assert.Equal(3, json.GetProperty("dimension").GetInt32());
            Assert.Equal(7, json.GetProperty("skipped").GetProperty("unrewarded").GetInt32());
            var loggedMean = json.GetProperty("loggedMean").GetDouble();
            var random = json.GetProperty("policies")[0];
            Assert.Equal("random", random.GetProperty("name").GetString());
            Assert.InRange(loggedMean, random.GetProperty("ips").GetProperty("ciLow").GetDouble(), random.GetProperty("ips").GetProperty("ciHigh").GetDouble());
            Assert.Equal(loggedMean, random.GetProperty("snips").GetProperty("estimate").GetDouble(), 9);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("evaluate", "--format", "obd", "--data", "/nonexistent.csv", "--item-context", "/nonexistent.csv")]
    [InlineData("evaluate", "--format", "obd")]
    [InlineData("evaluate", "--format", "oo")]
    [InlineData("evaluate", "--format", "parquet")]
    [InlineData("evaluate", "--format", "oo", "--connection", "Data Source=/nonexistent/dir/x.db", "--provider", "sqlite")]
    [InlineData("evaluate", "--format", "oo", "--connection", "Host=127.0.0.1", "--provider", "mysql")]
    public void Bad_evaluate_arguments_fail_with_a_message_on_stderr(params string[] args)
    {
        var (code, _, error) = CliRunner.Run(args);

        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Evaluate_oo_reads_the_current_feature_layout_and_counts_rows_of_layout_one_as_another_layout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"oo-log-{Guid.NewGuid():N}.db");
        string[] layoutOne = ["bias", "is_overdue", "task_age_days", "priority", "due_today", "kind_task", "kind_advice", "hour_of_day_sin", "hour_of_day_cos",
            "day_of_week_sin", "day_of_week_cos", "completion_rate", "snooze_rate", "dismiss_rate", "mean_dwell_done", "active_hour_sin", "active_hour_cos"];
        try
        {
            WriteLog(path, Widen(SyntheticLog.UniformlyLogged(300, 4, 8), layoutOne.Length), unrewarded: 0, layoutOne, "old");
            WriteLog(path, Widen(SyntheticLog.UniformlyLogged(500, 4, 9), FeatureRegistry.Dimension), unrewarded: 0, FeatureRegistry.Names, "new", startDay: 2);

            var current = CliRunner.Json("evaluate", "--format", "oo", "--connection", $"Data Source={path}", "--policies", "random", "--json");
            var first = CliRunner.Json("evaluate", "--format", "oo", "--connection", $"Data Source={path}", "--policies", "random", "--feature-layout", "first", "--json");

            Assert.Equal(500, current.GetProperty("events").GetInt32());
            Assert.Equal(FeatureRegistry.Dimension, current.GetProperty("dimension").GetInt32());
            Assert.Equal(300, current.GetProperty("skipped").GetProperty("other_feature_layout").GetInt32());
            Assert.Equal(FeatureRegistry.Names, current.GetProperty("featureNames").EnumerateArray().Select(n => n.GetString()));
            Assert.Equal(300, first.GetProperty("events").GetInt32());
            Assert.Equal(layoutOne.Length, first.GetProperty("dimension").GetInt32());
            Assert.Equal(500, first.GetProperty("skipped").GetProperty("other_feature_layout").GetInt32());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void Evaluate_oo_on_a_log_of_only_layout_one_says_which_option_reads_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"oo-log-{Guid.NewGuid():N}.db");
        try
        {
            WriteLog(path, Widen(SyntheticLog.UniformlyLogged(50, 4, 10), 17), unrewarded: 0, [.. Enumerable.Range(0, 17).Select(i => $"v1_{i}")], "old");

            var (code, _, error) = CliRunner.Run("evaluate", "--format", "oo", "--connection", $"Data Source={path}", "--policies", "random");

            Assert.Equal(2, code);
            Assert.Contains("50 other_feature_layout", error);
            Assert.Contains("--feature-layout first", error);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static List<OO.Learning.Evaluation.LoggedEvent> Widen(List<OO.Learning.Evaluation.LoggedEvent> log, int dimension) =>
        [.. log.Select(e => e with { Contexts = [.. e.Contexts.Select(c => c.Concat(new double[dimension - c.Length]).ToArray())] })];

    private static void WriteLog(
        string path, IReadOnlyList<OO.Learning.Evaluation.LoggedEvent> log, int unrewarded, IReadOnlyList<string>? names = null, string prefix = "tip", int startDay = 1)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var create = connection.CreateCommand();
        create.CommandText = """
            CREATE TABLE IF NOT EXISTS oo_served_tips(tip_id TEXT PRIMARY KEY, user_id TEXT, served_at TEXT, policy TEXT, source TEXT, source_ref TEXT,
                propensity REAL, latency_us INTEGER, decision_json TEXT);
            CREATE TABLE IF NOT EXISTS oo_rewards(tip_id TEXT, user_id TEXT, reacted_at TEXT, reaction TEXT, dwell_ms INTEGER, reward REAL);
            """;
        create.ExecuteNonQuery();
        var start = new DateTimeOffset(2026, 1, startDay, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < log.Count + unrewarded; i++)
        {
            var e = log[i % log.Count];
            var decision = new DecisionLogEntry(
                Rebuilt: false,
                [.. e.Contexts.Select((c, k) => new LoggedCandidate($"demo:demo-{k}", c, 0.0))],
                e.ChosenIndex,
                e.Contexts.Count,
                e.Propensity,
                RandomPolicy.PolicyName,
                [new ShadowChoice(LinUcbPolicy.PolicyName, 0)],
                names ?? []);
            var served = connection.CreateCommand();
            served.CommandText = "INSERT INTO oo_served_tips VALUES ($id, 'u1', $at, 'random', 'demo', 'demo-1', $p, 12, $json)";
            served.Parameters.AddWithValue("$id", $"{prefix}-{i:D5}");
            served.Parameters.AddWithValue("$at", start.AddMinutes(i).ToString("O", CultureInfo.InvariantCulture));
            served.Parameters.AddWithValue("$p", e.Propensity);
            served.Parameters.AddWithValue("$json", decision.ToJson());
            served.ExecuteNonQuery();
            if (i < log.Count)
            {
                var reward = connection.CreateCommand();
                reward.CommandText = "INSERT INTO oo_rewards VALUES ($id, 'u1', $at, 'done', 20000, $r)";
                reward.Parameters.AddWithValue("$id", $"{prefix}-{i:D5}");
                reward.Parameters.AddWithValue("$at", start.AddMinutes(i + 0.5).ToString("O", CultureInfo.InvariantCulture));
                reward.Parameters.AddWithValue("$r", e.Reward);
                reward.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }
}
