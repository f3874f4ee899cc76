using System.Collections.Concurrent;
using OO.Learning.Meaning;

namespace OO.Grains.Tests.Infrastructure;

/// <summary>
/// The model-free meaning engine, scripted per text so tests sharing a silo stay apart: a batch holding a text
/// that contains a word given to <see cref="Fail"/> throws, one given to <see cref="Hang"/> never answers (and
/// ignores cancellation, as a stuck native model would). It counts every text it is asked to read.
/// </summary>
public sealed class ScriptedTextMeaning : ITextMeaning
{
    private readonly ConcurrentDictionary<string, bool> _failing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _hanging = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);

    public string Engine => "scripted";

    /// <summary>Batches with a text containing <paramref name="word"/> fail, until <see cref="Heal"/>.</summary>
    public void Fail(string word) => _failing[word] = true;

    /// <summary>Batches with a text containing <paramref name="word"/> never answer, until <see cref="Heal"/>.</summary>
    public void Hang(string word) => _hanging[word] = true;

    /// <summary>The engine reads texts containing <paramref name="word"/> again.</summary>
    public void Heal(string word)
    {
        _failing.TryRemove(word, out _);
        _hanging.TryRemove(word, out _);
    }

    /// <summary>How many times the engine was asked to read texts containing <paramref name="word"/>.</summary>
    public int Reads(string word) => _reads.Where(r => r.Key.Contains(word, StringComparison.Ordinal)).Sum(r => r.Value);

    public async ValueTask<ulong[]> MeaningsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        foreach (var text in texts)
        {
            _reads.AddOrUpdate(text, 1, (_, n) => n + 1);
        }

        if (texts.Any(t => _hanging.Keys.Any(w => t.Contains(w, StringComparison.Ordinal))))
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, CancellationToken.None);
        }

        if (texts.Any(t => _failing.Keys.Any(w => t.Contains(w, StringComparison.Ordinal))))
        {
            throw new InvalidOperationException("The scripted meaning engine failed.");
        }

        // Off the caller's thread, as the contract asks of a real engine.
        await Task.Yield();
        return [.. texts.Select(HashedNgramMeaning.MeaningOf)];
    }
}
