using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OO.Ai.Prompts;

/// <summary>
/// The prompts shipped in this assembly (<c>Prompts/*.txt</c>, embedded), read once. A prompt is never edited in
/// place: a change is a new file with the next version suffix, so a candidate's prompt version always names the
/// words that wrote it. <c>Prompts/manifest.json</c> records each shipped file's version; a test holds them equal.
/// </summary>
public static class PromptLibrary
{
    /// <summary>The prompt the generator uses.</summary>
    public const string CurrentName = "tip-generator.v1";

    private const string Prefix = "OO.Ai.Prompts.";
    private static readonly Lazy<IReadOnlyDictionary<string, Prompt>> All = new(Load);

    /// <summary>The prompt the generator uses.</summary>
    public static Prompt Current => Get(CurrentName);

    /// <summary>Every shipped prompt, by name.</summary>
    public static IReadOnlyDictionary<string, Prompt> Prompts => All.Value;

    /// <summary>The versions recorded in the manifest, by prompt name.</summary>
    public static IReadOnlyDictionary<string, string> Manifest()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + "manifest.json")
            ?? throw new InvalidOperationException("The prompt manifest is not embedded.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }

    /// <summary>A shipped prompt by name.</summary>
    public static Prompt Get(string name) =>
        All.Value.TryGetValue(name, out var prompt) ? prompt : throw new KeyNotFoundException($"No prompt named {name} is shipped.");

    /// <summary>The version of some text: the first 12 hex digits of the SHA-256 of its UTF-8 bytes.</summary>
    public static string VersionOf(string text) => VersionOf(Encoding.UTF8.GetBytes(text));

    /// <summary>The version of some bytes: the first 12 hex digits of their SHA-256.</summary>
    public static string VersionOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];

    private static IReadOnlyDictionary<string, Prompt> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prompts = new Dictionary<string, Prompt>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(static n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var text = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
            var at = text.IndexOf(Prompt.RetrySeparator, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"The prompt {resource} has no '{Prompt.RetrySeparator}' line.");
            }

            var name = resource[Prefix.Length..^".txt".Length];
            var system = text[..at].Trim();
            var retry = text[(at + Prompt.RetrySeparator.Length)..].Trim();
            // Hashed after line endings are normalised, so a checkout with CRLF has the same version.
            prompts[name] = new Prompt(name, VersionOf(text), system, retry);
        }

        return prompts;
    }
}
