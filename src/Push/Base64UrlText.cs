using System.Buffers.Text;

namespace OO.Push;

/// <summary>
/// Base64url as Web Push uses it: written without padding, read with or without it, because
/// browsers and libraries differ in what they send.
/// </summary>
internal static class Base64UrlText
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var trimmed = text.AsSpan().TrimEnd('=');
        foreach (var c in trimmed)
        {
            // Base64Url tolerates whitespace and the standard alphabet's '+' and '/' is refused
            // anyway; reject both explicitly so "not base64url" means exactly that.
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        if (trimmed.Length % 4 == 1)
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(trimmed);
        return true;
    }

    public static byte[] Decode(string text, string what) =>
        TryDecode(text, out var bytes) ? bytes : throw new FormatException($"{what} is not valid base64url.");
}
