using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Sources;

/// <summary>
/// A provider of tasks (the demo, Todoist, …). An integration grain calls it to poll; adding a
/// provider is one implementation of this interface registered in DI, and its tests.
/// </summary>
public interface ITaskSource
{
    /// <summary>The provider's name in URLs, grain keys and candidate keys (<c>demo</c>, <c>todoist</c>).</summary>
    string Name { get; }

    /// <summary>How often the integration grain polls this source.</summary>
    TimeSpan PollInterval { get; }

    /// <summary>Every open task of the user at this source.</summary>
    Task<IReadOnlyList<SourceTask>> FetchOpenTasks(string userId, CancellationToken cancellationToken);
}
