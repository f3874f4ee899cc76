using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OO.Ai.Gate;

/// <summary>
/// The validation gate every generated tip passes before anyone can see it. An answer that is not JSON or not
/// shaped as <c>{"tips":[...]}</c> is refused whole; otherwise each tip is checked on its own (fields and types,
/// length, no URL or markup, a known <c>sourceRef</c>, not a near-duplicate of an open task, an existing candidate
/// or an earlier tip) and only the tips that pass are kept. One gate serves one generation round: tips it
/// accepted count as existing for the rest of the round.
/// </summary>
public sealed partial class TipGate
{
    /// <summary>The longest content, in characters as a person counts them (text elements).</summary>
    public const int MaxContentLength = 140;

    /// <summary>The kinds a generated tip may have.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "advice", "insight", "reminder", "task" };

    private readonly HashSet<string> _knownRefs;
    private readonly List<string> _existing;
    private readonly int _maxCandidates;

    /// <param name="knownRefs">The refs of the context's tasks: the only values a tip's <c>sourceRef</c> may take.</param>
    /// <param name="existingTexts">Open task titles and existing candidates' content, which a tip must not repeat.</param>
    /// <param name="maxCandidates">The most tips kept from one answer; any after that are ignored.</param>
    public TipGate(IEnumerable<string> knownRefs, IEnumerable<string> existingTexts, int maxCandidates)
    {
        _knownRefs = new HashSet<string>(knownRefs, StringComparer.Ordinal);
        _existing = [.. existingTexts.Where(static t => !string.IsNullOrWhiteSpace(t))];
        _maxCandidates = maxCandidates;
    }

    /// <summary>Checks a model's whole answer.</summary>
    public GateVerdict Check(string? answer)
    {
        var json = Unfence(answer);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return Refused(GateReasons.NotJson, "The answer was not valid JSON. Answer with one JSON object and nothing around it.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("tips", out var tips) || tips.ValueKind != JsonValueKind.Array)
            {
                return Refused(GateReasons.Schema, "The answer must be an object with a \"tips\" array.");
            }

            if (tips.GetArrayLength() == 0)
            {
                return Refused(GateReasons.Empty, "The \"tips\" array was empty; write at least one tip.");
            }

            var accepted = new List<TipDraft>();
            var rejections = new List<GateRejection>();
            var index = 0;
            foreach (var tip in tips.EnumerateArray())
            {
                index++;
                if (accepted.Count == _maxCandidates)
                {
                    break;
                }

                var rejection = Read(tip, index, out var draft) ?? Admit(draft!, $"tip {index}");
                if (rejection is null)
                {
                    accepted.Add(draft!);
                }
                else
                {
                    rejections.Add(rejection);
                }
            }

            return new GateVerdict(accepted, rejections);
        }
    }

    /// <summary>
    /// Checks one tip that is already typed (the rule-based generator's); a tip that passes counts as existing
    /// from now on. Null when it passed.
    /// </summary>
    public GateRejection? Admit(TipDraft draft) => Admit(draft, "the tip");

    private GateRejection? Admit(TipDraft draft, string which)
    {
        if (string.IsNullOrWhiteSpace(draft.Content))
        {
            return new GateRejection(GateReasons.Schema, $"{which}: \"content\" must be a non-empty string.");
        }

        if (!Kinds.Contains(draft.Kind))
        {
            return new GateRejection(GateReasons.Schema, $"{which}: \"kind\" must be one of advice, insight, reminder, task.");
        }

        if (!(draft.Confidence is >= 0 and <= 1))
        {
            return new GateRejection(GateReasons.Schema, $"{which}: \"confidence\" must be a number from 0 to 1.");
        }

        var length = new StringInfo(draft.Content).LengthInTextElements;
        if (length > MaxContentLength)
        {
            return new GateRejection(GateReasons.TooLong, $"{which}: \"content\" has {length} characters; the limit is {MaxContentLength}.");
        }

        if (HasUrlOrMarkup(draft.Content))
        {
            return new GateRejection(GateReasons.UrlOrMarkup, $"{which}: \"content\" must be plain text without links, addresses, Markdown, HTML or line breaks.");
        }

        if (draft.AboutRef is { } about && !_knownRefs.Contains(about))
        {
            return new GateRejection(GateReasons.UnknownSourceRef, $"{which}: \"sourceRef\" \"{about}\" is not the ref of a task in the message; use one of the given refs or null.");
        }

        if (_existing.FirstOrDefault(e => TextSimilarity.IsNearDuplicate(draft.Content, e)) is not null)
        {
            return new GateRejection(GateReasons.NearDuplicate, $"{which}: it repeats a task title or an existing tip; add something new.");
        }

        _existing.Add(draft.Content);
        return null;
    }

    /// <summary>True when the text holds a URL, a web or mail address, HTML, Markdown or a control character.</summary>
    public static bool HasUrlOrMarkup(string text) => text.Any(char.IsControl) || UrlOrMarkup().IsMatch(text);

    private static GateRejection? Read(JsonElement tip, int index, out TipDraft? draft)
    {
        draft = null;
        var which = $"tip {index}";
        if (tip.ValueKind != JsonValueKind.Object)
        {
            return new GateRejection(GateReasons.Schema, $"{which}: must be an object.");
        }

        if (!tip.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
        {
            return new GateRejection(GateReasons.Schema, $"{which}: \"content\" must be a string.");
        }

        if (!tip.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String)
        {
            return new GateRejection(GateReasons.Schema, $"{which}: \"kind\" must be a string.");
        }

        if (!tip.TryGetProperty("confidence", out var confidence) || confidence.ValueKind != JsonValueKind.Number)
        {
            return new GateRejection(GateReasons.Schema, $"{which}: \"confidence\" must be a number from 0 to 1.");
        }

        string? about = null;
        if (tip.TryGetProperty("sourceRef", out var sourceRef))
        {
            if (sourceRef.ValueKind == JsonValueKind.String)
            {
                about = string.IsNullOrWhiteSpace(sourceRef.GetString()) ? null : sourceRef.GetString();
            }
            else if (sourceRef.ValueKind != JsonValueKind.Null)
            {
                return new GateRejection(GateReasons.Schema, $"{which}: \"sourceRef\" must be a string or null.");
            }
        }

        draft = new TipDraft(content.GetString()!.Trim(), kind.GetString()!.Trim().ToLowerInvariant(), about, confidence.GetDouble());
        return null;
    }

    /// <summary>Models often wrap JSON in a Markdown code fence although told not to; the fence is not the content.</summary>
    private static string Unfence(string? answer)
    {
        var text = (answer ?? string.Empty).Trim();
        if (text.StartsWith("```", StringComparison.Ordinal) && text.EndsWith("```", StringComparison.Ordinal) && text.Length >= 6)
        {
            var firstLine = text.IndexOf('\n');
            text = firstLine < 0 ? string.Empty : text[(firstLine + 1)..^3].Trim();
        }

        return text;
    }

    private static GateVerdict Refused(string reason, string detail) => new([], [new GateRejection(reason, detail)]);

    // Schemes (https://, mailto:), www., bare domains with a common top-level domain, e-mail addresses, HTML tags
    // and entities, and Markdown: emphasis, inline code, links, headings and list bullets.
    [GeneratedRegex(
        @"[a-z][a-z0-9+.\-]*://|\bwww\.|\bmailto:|\b[a-z0-9\-]+\.(com|org|net|io|dev|app|ai|co|me|info|de|uk|fr|nl)\b|\S@\S+\.\S|<\s*/?\s*[a-z!][^>]*>|&[a-z]+;|\*\*|__|`|\[[^\]]*\]\(|^\s*#{1,6}\s|^\s*[-*+]\s",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlOrMarkup();
}
