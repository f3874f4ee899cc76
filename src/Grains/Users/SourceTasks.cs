using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Users;

/// <summary>The latest snapshot applied from one source.</summary>
[GenerateSerializer, Alias("oo.SourceTasks")]
public sealed class SourceTasks
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public DateTimeOffset TakenAt { get; set; }
    [Id(2)] public List<SourceTask> Tasks { get; set; } = [];

    /// <summary>Open tasks the source has beyond the ones kept (see <c>OO:Integrations:MaxTasksPerSource</c>).</summary>
    [Id(3)] public int OmittedCount { get; set; }
}
