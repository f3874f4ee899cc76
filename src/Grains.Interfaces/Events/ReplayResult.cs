namespace OO.Grains.Interfaces.Events;

/// <summary>What replaying one event did, with a sentence for the operator.</summary>
public sealed record ReplayResult(ReplayStatus Status, string Message);

/// <summary>How a replay ended.</summary>
public enum ReplayStatus
{
    /// <summary>The event was delivered again and changed its grain's state.</summary>
    Replayed,

    /// <summary>The event was delivered again and its grain already had it: nothing changed.</summary>
    AlreadyApplied,

    /// <summary>This subject cannot be replayed (a push that was sent, an admin action).</summary>
    NotReplayable,

    /// <summary>No stored event has that id.</summary>
    NotFound,
}
