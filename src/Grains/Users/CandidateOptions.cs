namespace OO.Grains.Users;

/// <summary>
/// When a user's grain asks for written candidates and how long it keeps them (section <c>OO:AI</c>, the keys the
/// gateway's options read too).
/// </summary>
public sealed class CandidateOptions
{
    public const string Section = "OO:AI";

    /// <summary>At most one generation per user this often, whatever changes. Default 6 hours.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A written candidate is dropped this long after it was written. Default 24 hours.</summary>
    public TimeSpan CandidateTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many candidates one generation may write; the cache keeps three times as many. Default 3.</summary>
    public int MaxCandidates { get; set; } = 3;

    /// <summary>How many of the best-scored open task titles the generator sees. Default 10.</summary>
    public int ContextTasks { get; set; } = 10;

    /// <summary>This many reactions since the last generation make the context new enough for another. Default 5.</summary>
    public int ReactionsForNewContext { get; set; } = 5;

    /// <summary>True when every value is usable.</summary>
    public bool IsValid() =>
        MinInterval >= TimeSpan.Zero && CandidateTtl > TimeSpan.Zero && MaxCandidates is >= 1 and <= 10
        && ContextTasks is >= 0 and <= 50 && ReactionsForNewContext >= 1;
}
