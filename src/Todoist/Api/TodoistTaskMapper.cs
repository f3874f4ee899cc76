using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace OO.Todoist.Api;

/// <summary>Maps a v1 task object (from <c>/tasks</c> or a webhook's <c>event_data</c>) to <see cref="TodoistTask"/>.</summary>
internal static class TodoistTaskMapper
{
    /// <summary>False for a checked (completed) or deleted task, which is no candidate.</summary>
    public static bool IsOpen(JsonElement task) => !TodoistJson.Bool(task, "checked") && !TodoistJson.Bool(task, "is_deleted");

    /// <summary>Maps the task; false when it has no id, which no caller could act on.</summary>
    public static bool TryMap(JsonElement task, [NotNullWhen(true)] out TodoistTask? mapped)
    {
        mapped = null;
        if (TodoistJson.IdOrNull(task, "id") is not { } id)
        {
            return false;
        }

        var labels = new List<string>();
        if (task.TryGetProperty("labels", out var labelArray) && labelArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var label in labelArray.EnumerateArray())
            {
                if (label.ValueKind == JsonValueKind.String && label.GetString() is { Length: > 0 } name)
                {
                    labels.Add(name);
                }
            }
        }

        mapped = new TodoistTask(
            id,
            TodoistJson.StringOrNull(task, "content") ?? string.Empty,
            TodoistJson.StringOrNull(task, "description") ?? string.Empty,
            Math.Clamp(TodoistJson.IntOrNull(task, "priority") ?? 1, 1, 4),
            task.TryGetProperty("due", out var due) ? MapDue(due) : null,
            // v1 renamed created_at to added_at; older payloads still arrive through webhooks.
            TodoistJson.InstantOrNull(task, "added_at") ?? TodoistJson.InstantOrNull(task, "created_at"),
            labels,
            TodoistJson.IdOrNull(task, "project_id"));
        return true;
    }

    internal static TodoistDue? MapDue(JsonElement due)
    {
        if (due.ValueKind != JsonValueKind.Object || TodoistJson.StringOrNull(due, "date") is not { Length: >= 10 } dateText)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(dateText.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        // v1 gives the time in "datetime"; the sync shape puts a full timestamp in "date" itself.
        var dateTimeText = TodoistJson.StringOrNull(due, "datetime") ?? (dateText.Length > 10 ? dateText : null);
        return new TodoistDue(
            date,
            dateTimeText is null ? null : ParseDueDateTime(dateTimeText),
            TodoistJson.StringOrNull(due, "timezone"),
            TodoistJson.StringOrNull(due, "string") ?? string.Empty,
            TodoistJson.Bool(due, "is_recurring"));
    }

    /// <summary>
    /// A timestamp with Z or an offset is a fixed moment (returned in UTC); one without is
    /// floating wall-clock time (returned with unspecified kind).
    /// </summary>
    internal static DateTime? ParseDueDateTime(string text)
    {
        var timePart = text.Length > 10 ? text.AsSpan(10) : [];
        var hasZone = timePart.IndexOfAny('Z', 'z', '+') >= 0 || timePart.LastIndexOf('-') > 0;
        if (hasZone)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var fixedMoment)
                ? fixedMoment.UtcDateTime
                : null;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var floating)
            ? DateTime.SpecifyKind(floating, DateTimeKind.Unspecified)
            : null;
    }
}
