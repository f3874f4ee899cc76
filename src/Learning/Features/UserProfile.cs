namespace OO.Learning.Features;

/// <summary>
/// Per-user statistics of past reactions. A plain DTO the grain persists; it is only ever changed by an explicit
/// <see cref="UserProfileBuilder.Build"/>, never as a side effect of reading it.
/// </summary>
public sealed class UserProfile
{
    /// <summary>Share of reactions that were "done".</summary>
    public ProfileFeatureValue CompletionRate { get; set; } = new();

    /// <summary>Share of reactions that were "snooze".</summary>
    public ProfileFeatureValue SnoozeRate { get; set; } = new();

    /// <summary>Share of reactions that were "dismiss".</summary>
    public ProfileFeatureValue DismissRate { get; set; } = new();

    /// <summary>Mean dwell in seconds before "done" (reactions with a known dwell only).</summary>
    public ProfileFeatureValue MeanDwellSeconds { get; set; } = new();

    /// <summary>Mean of sin(2π·hour/24) over reactions, local hour: with the cosine, the direction is the typical hour and the length how concentrated it is.</summary>
    public ProfileFeatureValue ActiveHourSin { get; set; } = new();

    /// <summary>Mean of cos(2π·hour/24) over reactions, local hour.</summary>
    public ProfileFeatureValue ActiveHourCos { get; set; } = new();

    /// <summary>How many reactions the statistics were computed from.</summary>
    public int ReactionCount { get; set; }

    /// <summary>A profile for a user with no history: every statistic 0, never computed.</summary>
    public static UserProfile Empty => new();
}
