using System.Globalization;
using System.Text;

namespace OO.Ai.Gate;

/// <summary>
/// Near-duplicate detection for short texts: both are normalised (Unicode decomposition with accents dropped,
/// lower case, every run of characters that are not letters or digits made one space), then compared by the
/// Sørensen–Dice coefficient over their character trigrams, counted with multiplicity and padded with a space
/// at each end: 2·|A∩B| / (|A| + |B|). Trigrams tolerate reordered punctuation, plurals and small insertions
/// ("Call the dentist" against "call the dentist!" is 1.0, against "Call the dentist today" about 0.8) while
/// advice that merely mentions a task ("Block an hour before lunch for the quarterly report") stays well below.
/// </summary>
public static class TextSimilarity
{
    /// <summary>At or above this coefficient two texts say the same thing.</summary>
    public const double NearDuplicateThreshold = 0.75;

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are near-duplicates.</summary>
    public static bool IsNearDuplicate(string a, string b) => Dice(a, b) >= NearDuplicateThreshold;

    /// <summary>The Sørensen–Dice coefficient of the two normalised texts' trigram multisets, 0 (nothing shared) to 1.</summary>
    public static double Dice(string a, string b)
    {
        var left = Trigrams(Normalise(a));
        var right = Trigrams(Normalise(b));
        var total = left.Values.Sum() + right.Values.Sum();
        if (total == 0)
        {
            return 0;
        }

        var shared = left.Sum(pair => Math.Min(pair.Value, right.GetValueOrDefault(pair.Key)));
        return 2.0 * shared / total;
    }

    /// <summary>Lower case, accents dropped, runs of anything but letters and digits as one space, trimmed.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    private static Dictionary<string, int> Trigrams(string normalised)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (normalised.Length == 0)
        {
            return counts;
        }

        var padded = $" {normalised} ";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            var gram = padded.Substring(i, 3);
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }
}
