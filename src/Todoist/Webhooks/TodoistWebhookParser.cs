using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using OO.Todoist.Api;

namespace OO.Todoist.Webhooks;

/// <summary>
/// Reads a webhook body. Verify it with <see cref="TodoistWebhookVerifier"/> first: a body that
/// does not verify is not Todoist's and should not be parsed at all.
/// </summary>
public static class TodoistWebhookParser
{
    /// <summary>
    /// Parses the raw body; false (and no exception) for anything that is not a webhook event
    /// with an <c>event_name</c> and a <c>user_id</c>, so the endpoint can answer 400.
    /// </summary>
    /// <param name="body">The raw body bytes, the same ones that were verified.</param>
    /// <param name="deliveryId">The <c>X-Todoist-Delivery-ID</c> header value, if present.</param>
    public static bool TryParse(ReadOnlySpan<byte> body, string? deliveryId, [NotNullWhen(true)] out TodoistWebhookEvent? webhookEvent)
    {
        webhookEvent = null;
        var reader = new Utf8JsonReader(body);
        JsonElement root;
        try
        {
            if (!JsonElement.TryParseValue(ref reader, out var parsed) || parsed is not { ValueKind: JsonValueKind.Object } element)
            {
                return false;
            }

            root = element;
        }
        catch (JsonException)
        {
            return false;
        }

        if (TodoistJson.StringOrNull(root, "event_name") is not { Length: > 0 } eventName
            || TodoistJson.IdOrNull(root, "user_id") is not { } userId)
        {
            return false;
        }

        var eventData = root.TryGetProperty("event_data", out var data) ? data : default;
        string? taskId = null;
        TodoistTask? task = null;
        if (eventName.StartsWith("item:", StringComparison.Ordinal) && eventData.ValueKind == JsonValueKind.Object)
        {
            taskId = TodoistJson.IdOrNull(eventData, "id");
            if (TodoistTaskMapper.TryMap(eventData, out var mapped))
            {
                task = mapped;
            }
        }

        TodoistWebhookInitiator? initiator = null;
        if (root.TryGetProperty("initiator", out var who) && who.ValueKind == JsonValueKind.Object)
        {
            initiator = new TodoistWebhookInitiator(TodoistJson.IdOrNull(who, "id"), TodoistJson.StringOrNull(who, "full_name"));
        }

        var version = root.TryGetProperty("version", out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

        webhookEvent = new TodoistWebhookEvent(
            eventName,
            userId,
            eventData,
            taskId,
            task,
            TodoistJson.InstantOrNull(root, "triggered_at"),
            version,
            initiator,
            string.IsNullOrWhiteSpace(deliveryId) ? null : deliveryId.Trim());
        return true;
    }
}
