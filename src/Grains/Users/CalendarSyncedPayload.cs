namespace OO.Grains.Users;

/// <summary>
/// The payload of <c>signals.task.synced</c> for a calendar: the task payload's fields (so a reader of that subject needs
/// nothing new) and how many events were kept and how many of them are busy. Never a title or a time.
/// </summary>
public sealed record CalendarSyncedPayload(string Provider, long Version, int TaskCount, int OmittedCount, int EntryCount, int BusyCount);
