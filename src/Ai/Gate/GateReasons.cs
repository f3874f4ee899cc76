namespace OO.Ai.Gate;

/// <summary>Why the gate rejected an answer or one tip in it: the codes counted in metrics and the log of generations.</summary>
public static class GateReasons
{
    /// <summary>The answer is not JSON at all.</summary>
    public const string NotJson = "not_json";

    /// <summary>The JSON does not follow the schema: no <c>tips</c> array, a missing or mistyped field, an unknown kind, a confidence outside 0..1.</summary>
    public const string Schema = "schema";

    /// <summary>The answer held no tip.</summary>
    public const string Empty = "empty";

    /// <summary>A tip's content is longer than <see cref="TipGate.MaxContentLength"/> characters.</summary>
    public const string TooLong = "too_long";

    /// <summary>A tip's content holds a URL, an e-mail or web address, Markdown, HTML or a line break.</summary>
    public const string UrlOrMarkup = "url_or_markup";

    /// <summary>A tip points at a task that is not in the context.</summary>
    public const string UnknownSourceRef = "unknown_source_ref";

    /// <summary>A tip says what an open task, an existing candidate or an earlier tip of the answer already says.</summary>
    public const string NearDuplicate = "near_duplicate";

    /// <summary>Every reason, for dashboards and tests.</summary>
    public static IReadOnlyList<string> All { get; } = [NotJson, Schema, Empty, TooLong, UrlOrMarkup, UnknownSourceRef, NearDuplicate];
}
