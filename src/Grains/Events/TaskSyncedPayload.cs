namespace OO.Grains.Events;

/// <summary>The payload of <c>signals.task.synced</c>: which source, which snapshot version, how many tasks (never their titles).</summary>
public sealed record TaskSyncedPayload(string Provider, long Version, int TaskCount, int OmittedCount);
