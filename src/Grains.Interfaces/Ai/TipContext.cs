namespace OO.Grains.Interfaces.Ai;

/// <summary>
/// The least a generator needs to write a good tip for one person, assembled by their user grain from its own
/// state. No id, email or token is in it. What is sent to a model is logged as a hash and a size, never as text.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.TipContext")]
public sealed record TipContext(
    [property: Id(0)] IReadOnlyList<ContextTask> Tasks,
    [property: Id(1)] ReactionSummary Reactions,
    [property: Id(2)] DateTimeOffset LocalNow,
    [property: Id(3)] IReadOnlyDictionary<string, double> Profile,
    [property: Id(4)] IReadOnlyList<string> ExistingCandidates,
    [property: Id(5)] int MaxCandidates);

/// <summary>One open task as the generator sees it: a reference to point back at, its title, and whether it is due.</summary>
[GenerateSerializer, Immutable, Alias("oo.ContextTask")]
public sealed record ContextTask(
    [property: Id(0)] string SourceRef,
    [property: Id(1)] string Title,
    [property: Id(2)] bool Overdue,
    [property: Id(3)] bool DueToday,
    [property: Id(4)] int Priority);

/// <summary>
/// Recent reactions in aggregate (never one by one): counts by reaction, and the local hours at which tasks were
/// done, as a 24-bucket histogram.
/// </summary>
[GenerateSerializer, Immutable, Alias("oo.ReactionSummary")]
public sealed record ReactionSummary(
    [property: Id(0)] int Done,
    [property: Id(1)] int Snoozed,
    [property: Id(2)] int Dismissed,
    [property: Id(3)] IReadOnlyList<int> DoneByLocalHour);
