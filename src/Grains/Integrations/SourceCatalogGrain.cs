using OO.Grains.Interfaces.Integrations;
using OO.Grains.Sources;
using Orleans.Concurrency;

namespace OO.Grains.Integrations;

/// <summary>Answers which sources this server offers, from the local configuration.</summary>
[StatelessWorker]
public sealed class SourceCatalogGrain(TaskSourceRegistry sources) : Grain, ISourceCatalogGrain
{
    Task<IReadOnlyList<OfferedSource>> ISourceCatalogGrain.GetConnectable()
    {
        IReadOnlyList<OfferedSource> offered = [.. sources.Connectable.Select(s => new OfferedSource(s.Name, s.DisplayName))];
        return Task.FromResult(offered);
    }
}
