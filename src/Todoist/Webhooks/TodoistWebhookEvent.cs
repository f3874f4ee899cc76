using System.Text.Json;
using OO.Todoist.Api;

namespace OO.Todoist.Webhooks;

/// <summary>One webhook delivery from Todoist, parsed.</summary>
/// <param name="EventName">For example <c>item:completed</c>; see <see cref="TodoistWebhookEventNames"/>.</param>
/// <param name="UserId">The Todoist user id the event belongs to; route with it (the same id <c>GetUserAsync</c> returns).</param>
/// <param name="EventData">The event's object as sent (for item events, the task), detached from the body.</param>
/// <param name="TaskId">For item events, <c>event_data.id</c>; otherwise null.</param>
/// <param name="Task">For item events, the task as oO maps it (whatever its checked state); otherwise null.</param>
/// <param name="TriggeredAt">When Todoist says the event happened, if it said.</param>
/// <param name="Version">The webhook format version Todoist sent.</param>
/// <param name="Initiator">Who caused the event, if given.</param>
/// <param name="DeliveryId">
/// <c>X-Todoist-Delivery-ID</c>: Todoist repeats it on retries, so a delivery id already handled
/// can be acknowledged and ignored.
/// </param>
public sealed record TodoistWebhookEvent(
    string EventName,
    string UserId,
    JsonElement EventData,
    string? TaskId,
    TodoistTask? Task,
    DateTimeOffset? TriggeredAt,
    string? Version,
    TodoistWebhookInitiator? Initiator,
    string? DeliveryId)
{
    /// <summary>True for <c>item:*</c> events, the ones about tasks.</summary>
    public bool IsItemEvent => EventName.StartsWith("item:", StringComparison.Ordinal);
}
