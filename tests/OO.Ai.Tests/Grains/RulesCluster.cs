namespace OO.Ai.Tests.Grains;

/// <summary>The same silo without an endpoint: the embedded default, where rules write insights.</summary>
public sealed class RulesCluster : AiCluster
{
    public RulesCluster()
        : base(withModel: false)
    {
    }
}
