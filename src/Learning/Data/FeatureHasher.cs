using System.Text;

namespace OO.Learning.Data;

/// <summary>
/// The hashing trick for categorical values: "column=value" is hashed with 32-bit FNV-1a into one of a fixed number
/// of buckets, and that bucket's slot gets +1. FNV-1a rather than <see cref="string.GetHashCode()"/>, which is
/// randomised per process and would give a different vector layout on every run.
/// </summary>
public static class FeatureHasher
{
    /// <summary>The bucket in [0, buckets) of one categorical value.</summary>
    public static int Bucket(string column, string value, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        const uint offset = 2166136261;
        const uint prime = 16777619;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes(column + "=" + value))
        {
            hash = (hash ^ b) * prime;
        }

        return (int)(hash % (uint)buckets);
    }
}
