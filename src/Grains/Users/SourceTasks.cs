using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Users;

/// <summary>The latest snapshot applied from one source: its tasks, or a calendar's upcoming events.</summary>
[GenerateSerializer, Alias("oo.SourceTasks")]
public sealed class SourceTasks
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public DateTimeOffset TakenAt { get; set; }
    /// <summary>The tasks, packed (UTF-8 text, dates as ticks); they read and store as a list of <see cref="SourceTask"/>.</summary>
    [Id(2)] public StoredTasks Tasks { get; set; } = [];

    /// <summary>Open tasks the source has beyond the ones kept (see <c>OO:Integrations:MaxTasksPerSource</c>).</summary>
    [Id(3)] public int OmittedCount { get; set; }

    /// <summary>The upcoming events of a calendar source (see <see cref="CalendarEntry"/>); forgotten with the source.</summary>
    [Id(4)] public List<CalendarEntry> Entries { get; set; } = [];
}
