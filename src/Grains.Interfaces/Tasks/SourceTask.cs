namespace OO.Grains.Interfaces.Tasks;

/// <summary>
/// An open task as a source reports it. <see cref="Priority"/> follows Todoist's API: 1 is normal,
/// 4 is urgent. <see cref="DueAt"/> is set only when the task is due at a time of day. <see cref="Meaning"/>
/// is what the title is about, computed on this host before the snapshot is published (eight signed bytes,
/// see <c>OO.Learning.Meaning.MeaningCode</c>); 0 while not known.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.SourceTask")]
public sealed record SourceTask(
    [property: Id(0)] string SourceRef,
    [property: Id(1)] string Content,
    [property: Id(2)] int Priority,
    [property: Id(3)] DateOnly? DueDate,
    [property: Id(4)] DateTimeOffset? DueAt,
    [property: Id(5)] DateTimeOffset AddedAt,
    [property: Id(6)] ulong Meaning = 0);
