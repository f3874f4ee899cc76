namespace OO.Grains.Analytics;

/// <summary>
/// One change to the operators' console's directory of people (who signed up when, which sources they connected)
/// or to its push log. Written like every analytics row: queued, never blocking the grain.
/// </summary>
public sealed record UserDirectoryChange(UserDirectoryChangeKind Kind, string UserId, DateTimeOffset At, string? Email = null, IReadOnlyList<string>? Sources = null)
{
    public static UserDirectoryChange Created(string userId, string email, DateTimeOffset at, IEnumerable<string> sources) =>
        new(UserDirectoryChangeKind.Created, userId, at, email, [.. sources]);

    public static UserDirectoryChange Connected(string userId, string source, DateTimeOffset at) =>
        new(UserDirectoryChangeKind.Connected, userId, at, Sources: [source]);

    public static UserDirectoryChange Disconnected(string userId, string source, DateTimeOffset at) =>
        new(UserDirectoryChangeKind.Disconnected, userId, at, Sources: [source]);

    public static UserDirectoryChange PushSent(string userId, DateTimeOffset at) => new(UserDirectoryChangeKind.PushSent, userId, at);

    public static UserDirectoryChange PushOpened(string userId, DateTimeOffset at) => new(UserDirectoryChangeKind.PushOpened, userId, at);

    /// <summary>Forgets the person: queued ahead of the account's erasure, so it is written before the erasure is confirmed.</summary>
    public static UserDirectoryChange Erased(string userId, DateTimeOffset at) => new(UserDirectoryChangeKind.Erased, userId, at);
}
