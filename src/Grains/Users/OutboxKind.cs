namespace OO.Grains.Users;

/// <summary>What an <see cref="OutboxEntry"/> promises. Stored: a value never changes meaning.</summary>
public enum OutboxKind
{
    /// <summary>Hand a <c>done</c> to the source's integration grain, which closes the task at the provider.</summary>
    CloseTask = 0,

    /// <summary>Revoke a disconnected source's tokens at the provider.</summary>
    RevokeTokens = 1,

    /// <summary>Erase a deleted account's analytics rows (served tips, rewards, dead letters).</summary>
    EraseAnalytics = 2,
}
