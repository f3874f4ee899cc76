namespace OO.Grains.Interfaces.Tasks;

/// <summary>
/// Every open task (and, for a calendar, every upcoming event) of one source at one moment. Snapshots are state, not deltas: applying the
/// same or an older <see cref="Version"/> again changes nothing, and a lost one is healed by the next.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.TaskSnapshot")]
public sealed record TaskSnapshot(
    [property: Id(0)] string Source,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset TakenAt,
    [property: Id(3)] IReadOnlyList<SourceTask> Tasks)
{
    /// <summary>Open tasks the source has beyond <see cref="Tasks"/>: counted, not kept (one user cannot make oO store without bound).</summary>
    [Id(4)] public int OmittedCount { get; init; }

    /// <summary>The upcoming events of a calendar source, earliest first; empty for a task source.</summary>
    [Id(5)] public IReadOnlyList<CalendarEntry> Entries { get; init; } = [];
}
