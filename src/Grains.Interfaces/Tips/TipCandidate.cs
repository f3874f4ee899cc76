namespace OO.Grains.Interfaces.Tips;

/// <summary>
/// Something oO could suggest: one open task of a source, or an AI-generated advice.
/// <see cref="Model"/> and <see cref="PromptVersion"/> are set only for generated advice.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.TipCandidate")]
public sealed record TipCandidate(
    [property: Id(0)] string Content,
    [property: Id(1)] TipKind Kind,
    [property: Id(2)] string Source,
    [property: Id(3)] string SourceRef,
    [property: Id(4)] string? Model = null,
    [property: Id(5)] string? PromptVersion = null,
    [property: Id(6)] double Confidence = 1.0)
{
    /// <summary>A key that is stable across snapshots: the same task is the same candidate.</summary>
    public string Key => $"{Source}:{SourceRef}";
}
