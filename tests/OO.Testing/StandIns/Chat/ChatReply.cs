namespace OO.Testing.StandIns.Chat;

/// <summary>
/// How the chat-completions stand-in answers one request: a status, an assistant message (for 200), usage tokens
/// to report (none when null), a Retry-After in seconds (for 429/503), and a delay before answering.
/// </summary>
public sealed record ChatReply(int Status, string? Content = null, (int Input, int Output)? Usage = null, int? RetryAfterSeconds = null, TimeSpan Delay = default)
{
    /// <summary>A 200 whose assistant message is <paramref name="content"/>, reporting <paramref name="usage"/> when given.</summary>
    public static ChatReply Answer(string content, (int Input, int Output)? usage = null) => new(200, content, usage);

    /// <summary>A 200 with a well-formed answer of the given tips: (content, kind, sourceRef, confidence).</summary>
    public static ChatReply Tips(params (string Content, string Kind, string? SourceRef, double Confidence)[] tips) =>
        Answer(System.Text.Json.JsonSerializer.Serialize(new
        {
            tips = tips.Select(static t => new { content = t.Content, kind = t.Kind, sourceRef = t.SourceRef, confidence = t.Confidence }),
        }));

    /// <summary>A 200 whose message is not JSON.</summary>
    public static ChatReply NotJson() => Answer("Sure! Here are some tips: take a break, drink water.");

    /// <summary>A 200 with JSON that breaks the schema (no tips array; a kind that does not exist).</summary>
    public static ChatReply SchemaBreaking() => Answer("{\"advice\":[{\"text\":\"Take a break\",\"kind\":\"motivation\"}]}");

    /// <summary>An error status (500, 503, …).</summary>
    public static ChatReply Error(int status = 500) => new(status);

    /// <summary>A 429 asking to wait <paramref name="seconds"/>.</summary>
    public static ChatReply RateLimited(int seconds) => new(429, RetryAfterSeconds: seconds);

    /// <summary><paramref name="then"/>, after <paramref name="delay"/> (a client that gives up earlier sees nothing).</summary>
    public static ChatReply Slow(TimeSpan delay, ChatReply then) => then with { Delay = delay };
}
