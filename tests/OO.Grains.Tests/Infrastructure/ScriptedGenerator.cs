using System.Collections.Concurrent;
using OO.Grains.Ai;
using OO.Grains.Interfaces.Ai;
using OO.Grains.Interfaces.Tips;

namespace OO.Grains.Tests.Infrastructure;

/// <summary>
/// What the generator grain answers in these tests (it replaces the host's <see cref="ITipGenerator"/>), per test: the contexts it was asked with (and when, on the grains' clock),
/// an answer to give, and a gate that can hold every answer (a generator that never comes back).
/// </summary>
public sealed class ScriptedGenerator(TimeProvider clock) : ITipGenerator
{
    private readonly ConcurrentQueue<(DateTimeOffset At, TipContext Context)> _asked = new();
    private volatile Func<TipContext, GenerationResult> _answer = _ => GenerationResult.Nothing("test-model", "p1");
    private volatile TaskCompletionSource? _hold;

    /// <summary>Every context asked for, with the time it was asked.</summary>
    public IReadOnlyList<(DateTimeOffset At, TipContext Context)> Asked => [.. _asked];

    /// <summary>The contexts that name a task titled <paramref name="title"/>: one test's user, among the cluster's.</summary>
    public IReadOnlyList<(DateTimeOffset At, TipContext Context)> AskedAbout(string title) =>
        [.. _asked.Where(a => a.Context.Tasks.Any(t => t.Title == title))];

    /// <summary>From now on, answers contexts that name <paramref name="title"/> with <paramref name="candidates"/>.</summary>
    public void AnswerAbout(string title, string model, string promptVersion, params TipCandidate[] candidates)
    {
        var previous = _answer;
        _answer = context => context.Tasks.Any(t => t.Title == title)
            ? new GenerationResult(
                GenerationOutcome.Generated, [.. candidates], [.. candidates.Select(_ => (string?)null)], model, promptVersion, 1,
                new Dictionary<string, int> { ["url"] = 1 }, 420, 120, 40, "abc123", 512)
            : previous(context);
    }

    /// <summary>Every answer waits until <see cref="Release"/>.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _hold?.TrySetResult();

    public async Task<GenerationResult> GenerateAsync(TipContext context)
    {
        _asked.Enqueue((clock.GetUtcNow(), context));
        if (_hold is { } hold)
        {
            await hold.Task;
        }

        return _answer(context);
    }

    /// <summary>A candidate as a generator returns it: a fresh id, the model and prompt version set.</summary>
    public static TipCandidate Candidate(string content, TipKind kind, string model = "test-model", string promptVersion = "p1", double confidence = 0.8) =>
        new(content, kind, model == "rules" ? "rules" : "ai", Guid.NewGuid().ToString("N"), model, promptVersion, confidence);
}
