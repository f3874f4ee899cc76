using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Interfaces.Events;

/// <summary>What the event log's replay asks of an integration grain (keyed by an <see cref="Integrations.IntegrationKey"/>).</summary>
[Alias("oo.IIntegrationEventReplay")]
public interface IIntegrationEventReplay : IGrainWithStringKey
{
    /// <summary>
    /// The last published snapshot again, with the same version (reading the source once when this activation has not
    /// read it yet); null when the source is not connected or cannot be read now.
    /// </summary>
    [Alias("CurrentSnapshot")]
    Task<TaskSnapshot?> CurrentSnapshot();
}
