namespace OO.Grains.Sources;

/// <summary>The registered task sources, by name.</summary>
public sealed class TaskSourceRegistry(IEnumerable<ITaskSource> sources)
{
    private readonly Dictionary<string, ITaskSource> _byName = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public bool TryGet(string name, out ITaskSource source) => _byName.TryGetValue(name, out source!);
}
