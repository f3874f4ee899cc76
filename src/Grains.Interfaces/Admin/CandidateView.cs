namespace OO.Grains.Interfaces.Admin;

/// <summary>
/// One candidate written for a user and cached in their grain, as an administrator sees it: who wrote it
/// (<see cref="Source"/> <c>ai</c> or <c>rules</c>, <see cref="Model"/>, <see cref="PromptVersion"/>), what it says, and
/// until when it may be shown. <see cref="HiddenUntil"/> is set while "Not now" keeps it out of view.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.CandidateView")]
public sealed record CandidateView(
    [property: Id(0)] string Source,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Content,
    [property: Id(3)] string? Model,
    [property: Id(4)] string? PromptVersion,
    [property: Id(5)] double Confidence,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset ExpiresAt,
    [property: Id(8)] DateTimeOffset? HiddenUntil);
