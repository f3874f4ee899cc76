namespace OO.Todoist.Api;

/// <summary>The Todoist account behind a token.</summary>
/// <param name="Id">Todoist's user id; webhooks name the user by it (<c>user_id</c>).</param>
/// <param name="TimeZone">The user's IANA time zone from <c>tz_info.timezone</c>, or null if Todoist gave none.</param>
public sealed record TodoistUser(string Id, string? TimeZone);
