namespace OO.Learning.Meaning;

/// <summary>
/// Turns texts (a task's title, with its labels or project where the source has them) into packed meanings
/// (<see cref="MeaningCode"/>), on this host: no text is ever sent anywhere. Implementations are thread-safe
/// and never run model inference on the caller's thread (an Orleans scheduler thread must not stall).
/// </summary>
public interface ITextMeaning
{
    /// <summary>Which engine is running, as the README and <c>/readyz</c> name it (e.g. <c>minilm</c>, <c>hashed-ngrams</c>).</summary>
    string Engine { get; }

    /// <summary>One packed meaning per text, in order; an empty or blank text has <see cref="MeaningCode.Unknown"/>.</summary>
    ValueTask<ulong[]> MeaningsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
