namespace OO.Grains.Users;

/// <summary>
/// One task of a stored snapshot, packed: what <see cref="Interfaces.Tasks.SourceTask"/> says, with its reference
/// and title kept as UTF-8 in the snapshot's shared text (<see cref="StoredTasks"/>) and its dates as ticks.
/// 48 bytes inline plus the text's bytes, instead of a record with two UTF-16 strings and three nullable dates
/// (about 270 bytes for a 50-character title).
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.StoredTask")]
public readonly record struct StoredTask
{
    /// <summary>Where this task's text starts in the snapshot's shared text: its reference, then its title.</summary>
    [Id(0)] public int TextOffset { get; init; }

    /// <summary>How many UTF-8 bytes of the text are the source's reference.</summary>
    [Id(1)] public int SourceRefLength { get; init; }

    /// <summary>How many UTF-8 bytes of the text, after the reference, are the title.</summary>
    [Id(2)] public int ContentLength { get; init; }

    /// <summary><see cref="DateOnly.DayNumber"/> + 1 of the due date; 0 when there is none.</summary>
    [Id(3)] public int DueDay { get; init; }

    /// <summary>UTC ticks of the moment the task was added.</summary>
    [Id(4)] public long AddedAtTicks { get; init; }

    /// <summary>UTC ticks of the due time of day; 0 when there is none.</summary>
    [Id(5)] public long DueAtTicks { get; init; }

    /// <summary>The task's meaning code (see <see cref="Interfaces.Tasks.SourceTask.Meaning"/>).</summary>
    [Id(6)] public ulong Meaning { get; init; }

    /// <summary>The offset from UTC, in minutes, <see cref="AddedAtTicks"/> was reported with.</summary>
    [Id(7)] public short AddedAtOffsetMinutes { get; init; }

    /// <summary>The offset from UTC, in minutes, <see cref="DueAtTicks"/> was reported with.</summary>
    [Id(8)] public short DueAtOffsetMinutes { get; init; }

    /// <summary>Todoist's priority, 1 (normal) to 4 (urgent).</summary>
    [Id(9)] public int Priority { get; init; }
}
