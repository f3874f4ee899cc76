namespace OO.Ai.Writing;

/// <summary>
/// What one model generation works from: the context JSON sent as the user message, the refs a tip may point
/// at, the texts a tip must not repeat (open task titles and existing candidates), and how many tips to ask for.
/// </summary>
public sealed record WriteRequest(
    string ContextJson,
    IReadOnlyCollection<string> KnownRefs,
    IReadOnlyCollection<string> ExistingTexts,
    int MaxCandidates);
