namespace OO.Todoist.Api;

/// <summary>An open Todoist task, in the fields oO uses.</summary>
/// <param name="Id">Todoist's id for the task (a string in API v1).</param>
/// <param name="Content">The task's title (Markdown as the user typed it).</param>
/// <param name="Description">The longer description; empty when there is none.</param>
/// <param name="Priority">1 (normal) to 4 (urgent); the reverse of the "p1".."p4" shown in Todoist's apps.</param>
/// <param name="Due">When the task is due, or null when it has no due date.</param>
/// <param name="AddedAt">When the task was created, if Todoist said.</param>
/// <param name="Labels">The task's label names.</param>
/// <param name="ProjectId">The project the task is in.</param>
public sealed record TodoistTask(
    string Id,
    string Content,
    string Description,
    int Priority,
    TodoistDue? Due,
    DateTimeOffset? AddedAt,
    IReadOnlyList<string> Labels,
    string? ProjectId);
