namespace OO.Grains.Interfaces.Integrations;

public static class IntegrationGrainFactoryExtensions
{
    /// <summary>The integration grain of one source of one user.</summary>
    public static IIntegrationGrain GetIntegrationGrain(this IGrainFactory grains, string userId, string provider) =>
        grains.GetGrain<IIntegrationGrain>(new IntegrationKey(userId, provider).ToString());
}
