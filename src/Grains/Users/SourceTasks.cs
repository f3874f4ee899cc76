using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Users;

/// <summary>The latest snapshot applied from one source.</summary>
[GenerateSerializer, Alias("oo.SourceTasks")]
public sealed class SourceTasks
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public DateTimeOffset TakenAt { get; set; }
    /// <summary>The tasks, packed (UTF-8 text, dates as ticks); they read and store as a list of <see cref="SourceTask"/>.</summary>
    [Id(2)] public StoredTasks Tasks { get; set; } = [];

    /// <summary>Open tasks the source has beyond the ones kept (see <c>OO:Integrations:MaxTasksPerSource</c>).</summary>
    [Id(3)] public int OmittedCount { get; set; }
}
