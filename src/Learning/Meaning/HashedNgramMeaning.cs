using System.Text;

namespace OO.Learning.Meaning;

/// <summary>
/// The meaning engine that needs no model: a text's words, lower-cased, without English function words ("the",
/// "to", "about") and with common endings cut ("calls", "calling", "called" → "call"), are hashed (FNV-1a over
/// UTF-8, stable across processes and machines) and each adds ±1 to <see cref="BucketsPerWord"/> of
/// <see cref="MeaningCode.Dimensions"/> buckets (the hashing trick); the vector is then scaled to unit length.
/// Texts sharing words land close together; texts with no words in common land apart on average, though with eight
/// buckets any two may collide. It knows words, not meaning: "call" and "phone" are as far apart as "call" and
/// "report". Cheap enough to run inline (microseconds per title). docs/meaning.md has the measurements behind
/// the choices.
/// </summary>
public sealed class HashedNgramMeaning : ITextMeaning
{
    /// <summary>The engine's name.</summary>
    public const string EngineName = "hashed-ngrams";

    /// <summary>
    /// How many buckets each word touches. Measured on 125 task titles (pairs sharing a word ranked above pairs
    /// sharing none, averaged over eight hash seeds): 2 → 0.73, 3 → 0.75, 4 → 0.75; word pairs on top lowered it.
    /// </summary>
    private const int BucketsPerWord = 3;

    /// <summary>Words that say nothing about what a task is; shared, they would pull unrelated titles together.</summary>
    private static readonly HashSet<string> FunctionWords =
    [
        "a", "an", "the", "to", "for", "of", "and", "or", "in", "on", "at", "with", "about", "from", "by", "into",
        "my", "our", "your", "his", "her", "their", "it", "is", "be", "up", "back", "out", "off", "some",
    ];

    /// <inheritdoc />
    public string Engine => EngineName;

    /// <inheritdoc />
    public ValueTask<ulong[]> MeaningsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var meanings = new ulong[texts.Count];
        for (var i = 0; i < meanings.Length; i++)
        {
            meanings[i] = MeaningOf(texts[i]);
        }

        return ValueTask.FromResult(meanings);
    }

    /// <summary>The packed meaning of one text.</summary>
    public static ulong MeaningOf(string? text)
    {
        Span<float> vector = stackalloc float[MeaningCode.Dimensions];
        vector.Clear();
        foreach (var word in Words(text))
        {
            if (!FunctionWords.Contains(word))
            {
                Add(Stem(word), vector);
            }
        }

        var norm = 0f;
        foreach (var value in vector)
        {
            norm += value * value;
        }

        if (norm == 0f)
        {
            return MeaningCode.Unknown;
        }

        var scale = 1f / MathF.Sqrt(norm);
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] *= scale;
        }

        return MeaningCode.Pack(vector);
    }

    /// <summary>
    /// Cuts the commonest English endings so forms of one word share buckets. Crude on purpose ("meeting" → "meet"
    /// is right, "wedding" → "wedd" is harmless: both forms of a word are cut alike).
    /// </summary>
    internal static string Stem(string word) => word switch
    {
        { Length: > 5 } when word.EndsWith("ing", StringComparison.Ordinal) => word[..^3],
        { Length: > 4 } when word.EndsWith("ed", StringComparison.Ordinal) => word[..^2],
        { Length: > 4 } when word.EndsWith("es", StringComparison.Ordinal) => word[..^2],
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };

    private static void Add(string word, Span<float> vector)
    {
        var hash = Fnv1a(Encoding.UTF8.GetBytes(word));
        for (var k = 0; k < BucketsPerWord; k++)
        {
            var bits = hash >> (k * 16);
            var bucket = (int)(bits % MeaningCode.Dimensions);
            var sign = (bits & 0x8000) == 0 ? 1f : -1f;
            vector[bucket] += sign;
        }
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        // FNV's low bits mix poorly for short inputs; fold the high half in before taking buckets from it.
        return hash ^ (hash >> 29) ^ (hash >> 47);
    }

    private static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
