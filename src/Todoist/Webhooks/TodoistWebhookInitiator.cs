namespace OO.Todoist.Webhooks;

/// <summary>The Todoist user whose action fired the event (a collaborator on a shared project, or the user).</summary>
/// <param name="Id">Their Todoist user id.</param>
/// <param name="FullName">Their name, if given.</param>
public sealed record TodoistWebhookInitiator(string? Id, string? FullName);
