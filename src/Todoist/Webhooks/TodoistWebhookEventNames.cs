namespace OO.Todoist.Webhooks;

/// <summary>The task event names oO reacts to (Todoist sends others too: notes, projects, labels…).</summary>
public static class TodoistWebhookEventNames
{
    public const string ItemAdded = "item:added";
    public const string ItemUpdated = "item:updated";
    public const string ItemDeleted = "item:deleted";
    public const string ItemCompleted = "item:completed";
    public const string ItemUncompleted = "item:uncompleted";
}
