namespace OO.Grains.Sources;

/// <summary>The registered task sources, by name.</summary>
public sealed class TaskSourceRegistry(IEnumerable<ITaskSource> sources)
{
    private readonly Dictionary<string, ITaskSource> _byName = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>Sources a user connects through the provider's authorization page, and that this server is configured to offer.</summary>
    public IEnumerable<ITaskSource> Connectable =>
        _byName.Values.Where(s => s.RequiresAuthorization && s.IsAvailable).OrderBy(s => s.Name, StringComparer.Ordinal);

    public bool TryGet(string name, out ITaskSource source) => _byName.TryGetValue(name, out source!);
}
