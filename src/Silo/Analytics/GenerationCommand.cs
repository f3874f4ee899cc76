using System.Data.Common;
using System.Text.Json;
using OO.Grains.Analytics;

namespace OO.Silo.Analytics;

/// <summary>One row of <c>oo_generations</c>: a generation and how it went; the gate's rejections by reason as JSON.</summary>
internal sealed record GenerationCommand(GenerationRecord Record) : AnalyticsCommand
{
    public override string Kind => "generation";

    public override string? OwnerId => Record.UserId;

    public override string PayloadJson() => JsonSerializer.Serialize(Record);

    public override void Describe(DbCommand sql, Func<DateTimeOffset, object> timestamp)
    {
        sql.CommandText = """
            INSERT INTO oo_generations
                (at, user_id, model, prompt_version, outcome, candidates, rejections_json, latency_ms, input_tokens, output_tokens,
                 context_hash, context_bytes, attempts)
            VALUES (@at, @user, @model, @prompt, @outcome, @candidates, @rejections, @latency, @input, @output, @hash, @bytes, @attempts)
            """;
        Add(sql, "at", timestamp(Record.At));
        Add(sql, "user", Record.UserId);
        Add(sql, "model", Record.Model);
        Add(sql, "prompt", Record.PromptVersion);
        Add(sql, "outcome", Record.Outcome);
        Add(sql, "candidates", Record.Candidates);
        Add(sql, "rejections", JsonSerializer.Serialize(Record.RejectionsByReason));
        Add(sql, "latency", Record.LatencyMs);
        Add(sql, "input", Record.InputTokens);
        Add(sql, "output", Record.OutputTokens);
        Add(sql, "hash", Record.ContextHash);
        Add(sql, "bytes", Record.ContextBytes);
        Add(sql, "attempts", Record.Attempts);
    }
}
