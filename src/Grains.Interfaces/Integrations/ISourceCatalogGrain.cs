namespace OO.Grains.Interfaces.Integrations;

/// <summary>The sources this server offers (a stateless worker: every silo answers from its own configuration).</summary>
[Alias("oo.ISourceCatalogGrain")]
public interface ISourceCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Every source a user can connect themselves, through the provider's authorization page.</summary>
    [Alias("GetConnectable")]
    Task<IReadOnlyList<OfferedSource>> GetConnectable();
}
