namespace OO.GoogleCalendar.Api;

/// <summary>The primary calendar: its id (the account's address) and its IANA time zone.</summary>
public sealed record GoogleCalendarInfo(string Id, string? TimeZone);
