using System.Globalization;

namespace OO.Ai.Prompts;

/// <summary>
/// One shipped prompt: its name (<c>tip-generator.v1</c>), the version that goes with every candidate it wrote
/// (the first 12 hex digits of the SHA-256 of the file, line endings as LF), the system message and the follow-up that
/// carries the gate's errors after a rejected answer.
/// </summary>
public sealed record Prompt(string Name, string Version, string System, string Retry)
{
    /// <summary>The line that separates the system message from the retry template in a prompt file.</summary>
    public const string RetrySeparator = "=== retry ===";

    /// <summary>The system message for a generation of at most <paramref name="maxTips"/> tips.</summary>
    public string SystemFor(int maxTips) =>
        System.Replace("{maxTips}", maxTips.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The follow-up after a rejected answer, one line per error.</summary>
    public string RetryFor(IEnumerable<string> errors) =>
        Retry.Replace("{errors}", string.Join('\n', errors.Select(static e => $"- {e}")), StringComparison.Ordinal);
}
