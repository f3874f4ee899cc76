namespace OO.Grains.Interfaces.Events;

/// <summary>
/// Which events to read: a subject prefix, one user, a time range, events after an id (for tailing), and at most
/// <see cref="Limit"/> of them, newest first for history and oldest first for a tail.
/// </summary>
public sealed record EventFilter(
    string? SubjectPrefix = null,
    string? UserId = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    long? AfterId = null,
    int Limit = 100);
