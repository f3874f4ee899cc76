using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Ai;
using OO.Ai.Gate;
using OO.Ai.Prompts;
using OO.Ai.Writing;
using OO.Grains.Interfaces.Ai;
using OO.Grains.Interfaces.Tips;

namespace OO.Grains.Ai;

/// <summary>
/// Writes tip candidates from one person's context: through the configured model (<see cref="TipWriter"/>) or,
/// without one, the <see cref="InsightRules"/>, and only what passed the <see cref="TipGate"/>. It never throws for
/// a model's failure: the result's outcome says what happened, and the log gets the context's hash and size, never
/// its text. The <see cref="GeneratorGrain"/> runs it on any silo.
/// </summary>
public sealed partial class TipGenerator(
    TipWriter writer, IOptionsMonitor<AiOptions> options, AiMetrics metrics, ILogger<TipGenerator> logger) : ITipGenerator
{
    /// <inheritdoc />
    public async Task<GenerationResult> GenerateAsync(TipContext context)
    {
        var current = options.CurrentValue;
        var max = Math.Min(context.MaxCandidates, current.MaxCandidates);
        var engine = current.Engine;
        if (engine == GeneratorEngine.None || max < 1)
        {
            return GenerationResult.Nothing("none", "");
        }

        var model = engine == GeneratorEngine.Model ? current.Model : GeneratedSource.RulesModel;
        GenerationResult result;
        try
        {
            var prompt = PromptContext.Build(context, max);
            result = engine == GeneratorEngine.Model
                ? await FromModel(context, prompt, max)
                : FromRules(context, prompt, max);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogGenerationError(logger, model, exception.GetType().Name);
            result = new GenerationResult(
                GenerationOutcome.Failed, [], [], model, engine == GeneratorEngine.Model ? PromptLibrary.Current.Version : InsightRules.PromptVersion,
                0, new Dictionary<string, int>(), 0, 0, 0, "", 0);
        }

        metrics.RecordGeneration(
            result.Outcome.ToString(), result.Model, result.LatencyMs, result.Attempts, result.RejectionsByReason, result.InputTokens, result.OutputTokens);
        LogGeneration(
            logger, result.Outcome, result.Model, result.PromptVersion, result.Attempts, result.Candidates.Count, result.LatencyMs, result.ContextHash, result.ContextBytes);
        return result;
    }

    private async Task<GenerationResult> FromModel(TipContext context, PromptContext prompt, int max)
    {
        if (context.Tasks.Count == 0 && context.Reactions is { Done: 0, Snoozed: 0, Dismissed: 0 })
        {
            // Nothing to write about: no call, no cost.
            return GenerationResult.Nothing(options.CurrentValue.Model, PromptLibrary.Current.Version);
        }

        var written = await writer.WriteAsync(new WriteRequest(prompt.Json, [.. prompt.Refs.Keys], Existing(context), max));
        var outcome = written.Outcome switch
        {
            WriteOutcome.Generated => GenerationOutcome.Generated,
            WriteOutcome.Rejected => GenerationOutcome.Rejected,
            _ => GenerationOutcome.Failed,
        };
        return Result(
            outcome, written.Drafts, alias => prompt.Refs[alias], written.Model, written.PromptVersion, written.Attempts,
            written.RejectionsByReason, written.LatencyMs, written.InputTokens, written.OutputTokens, prompt);
    }

    private static GenerationResult FromRules(TipContext context, PromptContext prompt, int max)
    {
        var started = Stopwatch.GetTimestamp();
        var proposed = InsightRules.Propose(context);
        if (proposed.Count == 0)
        {
            return GenerationResult.Nothing(GeneratedSource.RulesModel, InsightRules.PromptVersion);
        }

        var gate = new TipGate(context.Tasks.Select(static t => t.SourceRef), Existing(context), max);
        var admitted = new List<TipDraft>();
        var rejections = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var draft in proposed)
        {
            if (admitted.Count == max)
            {
                break;
            }

            if (gate.Admit(draft) is { } rejection)
            {
                rejections[rejection.Reason] = rejections.GetValueOrDefault(rejection.Reason) + 1;
            }
            else
            {
                admitted.Add(draft);
            }
        }

        return Result(
            admitted.Count > 0 ? GenerationOutcome.Generated : GenerationOutcome.Rejected, admitted, static sourceRef => sourceRef,
            GeneratedSource.RulesModel, InsightRules.PromptVersion, 1, rejections,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0, 0, prompt);
    }

    private static GenerationResult Result(
        GenerationOutcome outcome, IReadOnlyList<TipDraft> drafts, Func<string, string> resolveRef, string model, string promptVersion,
        int attempts, IReadOnlyDictionary<string, int> rejections, long latencyMs, long inputTokens, long outputTokens, PromptContext prompt)
    {
        var candidates = drafts
            .Select(d => new TipCandidate(d.Content, KindOf(d.Kind), GeneratedSource.Name, Guid.NewGuid().ToString("N"), model, promptVersion, d.Confidence))
            .ToList();
        var about = drafts.Select(d => d.AboutRef is null ? null : resolveRef(d.AboutRef)).ToList();
        return new GenerationResult(
            outcome, candidates, about, model, promptVersion, attempts, new Dictionary<string, int>(rejections),
            latencyMs, inputTokens, outputTokens, prompt.Hash, prompt.Bytes);
    }

    /// <summary>What a new tip must not repeat: the open task titles and the candidates the person already has.</summary>
    private static IReadOnlyCollection<string> Existing(TipContext context) =>
        [.. context.Tasks.Select(static t => t.Title), .. context.ExistingCandidates];

    private static TipKind KindOf(string kind) => kind switch
    {
        "advice" => TipKind.Advice,
        "insight" => TipKind.Insight,
        "reminder" => TipKind.Reminder,
        "task" => TipKind.Task,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "The gate lets no other kind through."),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {Outcome} by {Model} ({PromptVersion}): {Attempts} answer(s), {Candidates} candidate(s), {LatencyMs} ms; context {ContextHash}, {ContextBytes} bytes")]
    private static partial void LogGeneration(
        ILogger logger, GenerationOutcome outcome, string model, string promptVersion, int attempts, int candidates, long latencyMs, string contextHash, int contextBytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Generation by {Model} broke: {ErrorType}")]
    private static partial void LogGenerationError(ILogger logger, string model, string errorType);
}
