using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Sources;

/// <summary>
/// What one poll of a source brought: its open tasks, and for a calendar its events, either all of them
/// (<see cref="EntriesComplete"/>) or the changes since the <see cref="ITaskSource.Poll"/> cursor.
/// </summary>
/// <param name="Tasks">Every open task (empty for a calendar).</param>
public sealed record SourcePoll(IReadOnlyList<SourceTask> Tasks)
{
    /// <summary>Events new or changed (or, when <see cref="EntriesComplete"/>, every event in the source's window).</summary>
    public IReadOnlyList<CalendarEntry> Entries { get; init; } = [];

    /// <summary>Events gone since the cursor (cancelled or deleted); ignored when <see cref="EntriesComplete"/>.</summary>
    public IReadOnlyList<string> RemovedEntries { get; init; } = [];

    /// <summary>True when <see cref="Entries"/> replaces every event kept so far; false when it is a change set.</summary>
    public bool EntriesComplete { get; init; } = true;

    /// <summary>Opaque to the integration grain: kept and handed to the next poll (a sync token); null to start over.</summary>
    public string? Cursor { get; init; }
}
