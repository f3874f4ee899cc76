using System.Data.Common;
using System.Text.Json;
using OO.Grains.Analytics;

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

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public sealed record Served(ServedTipRecord Record) : AnalyticsCommand
    {
        public override string Kind => "served";

        public override string? OwnerId => Record.UserId;

        public override string PayloadJson() => JsonSerializer.Serialize(Record);

        public override void Describe(DbCommand sql, Func<DateTimeOffset, object> timestamp)
        {
            sql.CommandText = """
                INSERT INTO oo_served_tips (tip_id, user_id, served_at, policy, source, source_ref, propensity, latency_us, decision_json)
                VALUES (@tip, @user, @at, @policy, @source, @ref, @propensity, @latency, @decision)
                ON CONFLICT (tip_id) DO NOTHING
                """;
            Add(sql, "tip", Record.TipId);
            Add(sql, "user", Record.UserId);
            Add(sql, "at", timestamp(Record.ServedAt));
            Add(sql, "policy", Record.Policy);
            Add(sql, "source", Record.Source);
            Add(sql, "ref", Record.SourceRef);
            Add(sql, "propensity", Record.Propensity);
            Add(sql, "latency", Record.LatencyMicroseconds);
            Add(sql, "decision", Record.DecisionJson);
        }
    }

    public sealed record Rewarded(RewardRecord Record) : AnalyticsCommand
    {
        public override string Kind => "reward";

        public override string? OwnerId => Record.UserId;

        public override string PayloadJson() => JsonSerializer.Serialize(Record);

        public override void Describe(DbCommand sql, Func<DateTimeOffset, object> timestamp)
        {
            sql.CommandText = """
                INSERT INTO oo_rewards (tip_id, user_id, reacted_at, reaction, dwell_ms, reward)
                VALUES (@tip, @user, @at, @reaction, @dwell, @reward)
                ON CONFLICT (tip_id) DO NOTHING
                """;
            Add(sql, "tip", Record.TipId);
            Add(sql, "user", Record.UserId);
            Add(sql, "at", timestamp(Record.ReactedAt));
            Add(sql, "reaction", Record.Reaction);
            Add(sql, "dwell", Record.DwellMs);
            Add(sql, "reward", Record.Reward);
        }
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
            sql.CommandText = """
                DELETE FROM oo_served_tips WHERE user_id = @user;
                DELETE FROM oo_rewards WHERE user_id = @user;
                DELETE FROM oo_audit WHERE target = @user;
                DELETE FROM oo_dead_letters WHERE user_id = @user;
                """;
            Add(sql, "user", UserId);
        }
    }
}
