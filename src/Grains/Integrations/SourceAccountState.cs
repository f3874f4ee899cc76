namespace OO.Grains.Integrations;

/// <summary>What a source account grain persists.</summary>
[GenerateSerializer, Alias("oo.SourceAccountState")]
public sealed class SourceAccountState
{
    [Id(0)] public string? UserId { get; set; }
}
