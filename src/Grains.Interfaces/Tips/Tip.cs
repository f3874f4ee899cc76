namespace OO.Grains.Interfaces.Tips;

/// <summary>
/// The one suggestion served to a person, as the client shows it. <see cref="Model"/> and <see cref="PromptVersion"/>
/// say what wrote a candidate oO wrote (<see cref="Source"/> <c>ai</c> or <c>rules</c>); both are null for a task.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.Tip")]
public sealed record Tip(
    [property: Id(0)] string TipId,
    [property: Id(1)] string Content,
    [property: Id(2)] TipKind Kind,
    [property: Id(3)] string Source,
    [property: Id(4)] string SourceRef,
    [property: Id(5)] DateTimeOffset ServedAt,
    [property: Id(6)] DateTimeOffset ExpiresAt,
    [property: Id(7)] string Policy,
    [property: Id(8)] double Propensity,
    [property: Id(9)] string? Model = null,
    [property: Id(10)] string? PromptVersion = null);
