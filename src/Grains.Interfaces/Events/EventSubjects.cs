namespace OO.Grains.Interfaces.Events;

/// <summary>The subjects of the event log. A filter by prefix (<c>signals.</c>, <c>integration.</c>) selects a family.</summary>
public static class EventSubjects
{
    public const string TaskSynced = "signals.task.synced";
    public const string TipServed = "signals.tip.served";
    public const string TipFeedback = "signals.tip.feedback";
    public const string TipCompletedInSource = "signals.tip.completed-in-source";
    public const string PushSent = "push.sent";
    public const string PushOutcome = "push.outcome";
    public const string IntegrationConnected = "integration.connected";
    public const string IntegrationDisconnected = "integration.disconnected";
    public const string IntegrationFailed = "integration.failed";
    public const string AdminAction = "admin.action";

    /// <summary>Every subject, for validating filters and documenting the log.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TaskSynced, TipServed, TipFeedback, TipCompletedInSource, PushSent, PushOutcome,
        IntegrationConnected, IntegrationDisconnected, IntegrationFailed, AdminAction,
    ];
}
