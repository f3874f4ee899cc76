using OO.Grains.Interfaces.Ai;

namespace OO.Grains.Users;

/// <summary>
/// How a generation's result comes back to the user grain that asked for it: as a call of its own, queued like any
/// request, so the grain never holds a turn while a generator works.
/// </summary>
[Alias("oo.IUserCandidates")]
public interface IUserCandidates : IGrainWithStringKey
{
    /// <summary>
    /// Caches the candidates of <paramref name="result"/>, asked for at <paramref name="askedAt"/>, with their
    /// <paramref name="meanings"/> at the same index (missing or 0 when not known), and logs the generation.
    /// </summary>
    [Alias("AcceptGenerated")]
    Task AcceptGenerated(GenerationResult result, DateTimeOffset askedAt, IReadOnlyList<ulong> meanings);
}
