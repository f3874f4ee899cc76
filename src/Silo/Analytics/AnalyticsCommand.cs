using System.Data.Common;
using System.Text.Json;
using OO.Grains.Analytics;
using OO.Grains.Interfaces.Tips;

namespace OO.Silo.Analytics;

/// <summary>One queued analytics write: its SQL, whose row it is, and how it reads in a dead letter.</summary>
internal abstract record AnalyticsCommand
{
    /// <summary>A command whose caller waits until the database confirms it.</summary>
    public interface IAcknowledged
    {
        TaskCompletionSource Completion { get; }
    }

    /// <summary>Names the row in dead letters, metrics and logs.</summary>
    public abstract string Kind { get; }

    /// <summary>Whose row this is, so erasing a user erases their dead letters too.</summary>
    public abstract string? OwnerId { get; }

    public abstract string PayloadJson();

    /// <summary>Sets the statement and its parameters; <paramref name="timestamp"/> gives an instant the engine's form.</summary>
    public abstract void Describe(DbCommand sql, Func<DateTimeOffset, object> timestamp);

    /// <summary>
    /// A row that can share one multi-row INSERT with rows of its own kind (keyed by <c>tip_id</c>, a repeat is
    /// ignored): one statement and one round trip for a run of them instead of one each.
    /// </summary>
    public interface IRow
    {
        string Table { get; }

        string Columns { get; }

        object?[] Values(Func<DateTimeOffset, object> timestamp);
    }

    /// <summary>One INSERT of <paramref name="rows"/>, all of one kind, with a parameter per value.</summary>
    public static void DescribeRows(DbCommand sql, IReadOnlyList<IRow> rows, Func<DateTimeOffset, object> timestamp)
    {
        var text = new System.Text.StringBuilder($"INSERT INTO {rows[0].Table} ({rows[0].Columns}) VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            var values = rows[r].Values(timestamp);
            text.Append(r == 0 ? "(" : ", (");
            for (var v = 0; v < values.Length; v++)
            {
                var name = $"p{r}_{v}";
                text.Append(v == 0 ? "@" : ", @").Append(name);
                Add(sql, name, values[v]);
            }

            text.Append(')');
        }

        sql.CommandText = text.Append(" ON CONFLICT (tip_id) DO NOTHING").ToString();
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public sealed record Served(ServedTipRecord Record) : AnalyticsCommand, IRow
    {
        public override string Kind => "served";

        public override string? OwnerId => Record.UserId;

        public override string PayloadJson() => JsonSerializer.Serialize(Record);

        public string Table => "oo_served_tips";

        public string Columns => "tip_id, user_id, served_at, policy, source, source_ref, propensity, latency_us, decision_json, model, prompt_version, kind, priority";

        public object?[] Values(Func<DateTimeOffset, object> timestamp) =>
            [Record.TipId, Record.UserId, timestamp(Record.ServedAt), Record.Policy, Record.Source, Record.SourceRef, Record.Propensity,
             Record.LatencyMicroseconds, Record.DecisionJson, Record.Model, Record.PromptVersion, KindName(Record.Kind), Record.Priority];

        private static string? KindName(TipKind? kind) => kind?.ToString().ToLowerInvariant();

        public override void Describe(DbCommand sql, Func<DateTimeOffset, object> timestamp) => DescribeRows(sql, [this], timestamp);
    }

    public sealed record Rewarded(RewardRecord Record) : AnalyticsCommand, IRow
    {
        public override string Kind => "reward";

        public override string? OwnerId => Record.UserId;

        public override string PayloadJson() => JsonSerializer.Serialize(Record);

        public string Table => "oo_rewards";

        public string Columns => "tip_id, user_id, reacted_at, reaction, dwell_ms, reward";

        public object?[] Values(Func<DateTimeOffset, object> timestamp) =>
            [Record.TipId, Record.UserId, timestamp(Record.ReactedAt), Record.Reaction, Record.DwellMs, Record.Reward];

        public override void Describe(DbCommand sql, Func<DateTimeOffset, object> timestamp) => DescribeRows(sql, [this], timestamp);
    }

    public sealed record Audit(AuditRecord Record, TaskCompletionSource Completion) : AnalyticsCommand, IAcknowledged
    {
        public override string Kind => "audit";

        public override string? OwnerId => Record.Target;

        public override string PayloadJson() => JsonSerializer.Serialize(Record);

        public override void Describe(DbCommand sql, Func<DateTimeOffset, object> timestamp)
        {
            sql.CommandText = "INSERT INTO oo_audit (at, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail)";
            Add(sql, "at", timestamp(Record.At));
            Add(sql, "actor", Record.Actor);
            Add(sql, "action", Record.Action);
            Add(sql, "target", Record.Target);
            Add(sql, "detail", Record.Detail);
        }
    }

    public sealed record Erase(string UserId, TaskCompletionSource Completion) : AnalyticsCommand, IAcknowledged
    {
        public override string Kind => "erase";

        public override string? OwnerId => UserId;

        public override string PayloadJson() => JsonSerializer.Serialize(new { UserId });

        public override void Describe(DbCommand sql, Func<DateTimeOffset, object> timestamp)
        {
            sql.CommandText = $"""
                DELETE FROM oo_served_tips WHERE user_id = @user;
                DELETE FROM oo_rewards WHERE user_id = @user;
                DELETE FROM oo_generations WHERE user_id = @user;
                {AuditPseudonyms.Statements}
                DELETE FROM oo_dead_letters WHERE user_id = @user;
                """;
            Add(sql, "user", UserId);
            AuditPseudonyms.Bind(sql);
        }
    }
}
