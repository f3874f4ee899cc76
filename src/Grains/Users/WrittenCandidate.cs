using OO.Grains.Interfaces.Tips;

namespace OO.Grains.Users;

/// <summary>A candidate written for the user by a generator, cached in their state until it expires or is answered.</summary>
[GenerateSerializer, Alias("oo.WrittenCandidate")]
public sealed class WrittenCandidate
{
    /// <summary>The candidate as the generator returned it; its <see cref="TipCandidate.Source"/> is <c>ai</c> or <c>rules</c>.</summary>
    [Id(0)] public required TipCandidate Candidate { get; set; }

    /// <summary>The pool key (<c>{source}:{sourceRef}</c>) of the task it is about, or null; it leaves the pool with that task.</summary>
    [Id(1)] public string? AboutKey { get; set; }

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>After this it is dropped, served or not (<c>OO:AI:CandidateTtl</c> after it was written).</summary>
    [Id(3)] public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set by "Not now": kept out of view until then.</summary>
    [Id(4)] public DateTimeOffset? HiddenUntil { get; set; }

    /// <summary>What its text is about, packed by <c>MeaningCode</c> on this host; 0 when the engine did not answer in time.</summary>
    [Id(5)] public ulong Meaning { get; set; }
}
