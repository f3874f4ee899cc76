using System.Text.Json.Nodes;

namespace OO.Testing.StandIns.Chat;

/// <summary>One request the chat-completions stand-in received: when, its Authorization header, and its JSON body.</summary>
public sealed record RecordedChatRequest(DateTimeOffset ReceivedAt, string Authorization, JsonObject Body)
{
    /// <summary>The <c>model</c> the request named.</summary>
    public string? Model => Body["model"]?.GetValue<string>();

    /// <summary>The messages in order, as (role, content).</summary>
    public IReadOnlyList<(string Role, string Content)> Messages =>
        [.. (Body["messages"]?.AsArray() ?? []).Select(static m => (m!["role"]!.GetValue<string>(), Text(m["content"])))];

    /// <summary>Every message's content, concatenated: what went out, for asserting what did not.</summary>
    public string AllText => string.Join('\n', Messages.Select(static m => m.Content));

    // Content is a string, or an array of parts of which the text parts count.
    private static string Text(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(static p => p?["text"]?.GetValue<string>() ?? string.Empty)),
        _ => string.Empty,
    };
}
