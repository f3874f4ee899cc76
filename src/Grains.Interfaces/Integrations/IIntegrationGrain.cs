namespace OO.Grains.Interfaces.Integrations;

/// <summary>
/// One source of one user, keyed <c>{userId}/{provider}</c>: it polls the provider on a reminder and
/// publishes each result as a <see cref="Tasks.TaskSnapshot"/> to the user's task stream.
/// </summary>
[Alias("oo.IIntegrationGrain")]
public interface IIntegrationGrain : IGrainWithStringKey
{
    /// <summary>Starts polling (idempotent) and publishes a first snapshot at once.</summary>
    [Alias("Connect")]
    Task<IntegrationStatus> Connect();

    [Alias("GetStatus")]
    Task<IntegrationStatus> GetStatus();

    /// <summary>Revokes access at the provider where it has any, stops polling and forgets everything.</summary>
    [Alias("Disconnect")]
    Task Disconnect();
}
