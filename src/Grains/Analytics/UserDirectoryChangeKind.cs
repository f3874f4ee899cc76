namespace OO.Grains.Analytics;

/// <summary>What a <see cref="UserDirectoryChange"/> records.</summary>
public enum UserDirectoryChangeKind
{
    Created,
    Connected,
    Disconnected,
    PushSent,
    PushOpened,
    Erased,
}
