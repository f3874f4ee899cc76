using System.Security.Cryptography;
using System.Text;

namespace OO.Meaning;

/// <summary>
/// What of a text the model reads, and the key it is cached under: Unicode-normalised (NFKC), lower-cased (the
/// model is uncased, so case changes nothing), runs of white space made one space, cut to <see cref="MaxLength"/>
/// characters (a title's meaning is in its start; the cut bounds the cost of one inference).
/// </summary>
internal static class MeaningText
{
    /// <summary>The longest text the model reads, in characters.</summary>
    public const int MaxLength = 256;

    /// <summary>The text as the model reads it; empty when nothing is left.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
            if (builder.Length >= MaxLength)
            {
                break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The cache key of a normalised text: the first 128 bits of its SHA-256. The cache keeps this, not the text, so
    /// no user text stays in memory after its meaning is known.
    /// </summary>
    public static UInt128 Key(string normalised)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalised), hash);
        return new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
    }
}
