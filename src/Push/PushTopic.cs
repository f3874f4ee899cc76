using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OO.Push;

/// <summary>
/// The RFC 8030 <c>Topic</c> header: at most 32 characters of the URL-safe base64 alphabet. A
/// newer message with the same topic replaces one the push service still holds.
/// </summary>
public static class PushTopic
{
    /// <summary>The longest topic RFC 8030 allows.</summary>
    public const int MaxLength = 32;

    /// <summary>
    /// A stable topic for any key (a tip or candidate key): the first 24 bytes of its SHA-256
    /// as base64url, exactly 32 characters, so keys of any length and alphabet are usable.
    /// </summary>
    public static string FromKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Base64Url.EncodeToString(hash[..24]);
    }

    /// <summary>True when <paramref name="topic"/> may be sent as it is.</summary>
    public static bool IsValid(string? topic) =>
        !string.IsNullOrEmpty(topic)
        && topic.Length <= MaxLength
        && topic.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
}
