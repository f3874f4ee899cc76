namespace OO.Push;

/// <summary>Everything <see cref="PushDecider.Decide"/> looks at, gathered by the user grain.</summary>
public sealed record PushDecisionInput
{
    /// <summary>The current instant (from the grain's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The user's time zone; quiet hours and the day's start are read on its wall clock.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The user's quiet hours; <see cref="QuietHours.None"/> for none.</summary>
    public QuietHours QuietHours { get; init; } = QuietHours.None;

    /// <summary>The user's busy calendar events (all-day events left out), from their connected calendars; empty without one.</summary>
    public IReadOnlyList<BusyPeriod> Meetings { get; init; } = [];

    /// <summary>How long before a meeting no push goes out (<see cref="PushOptions.MeetingLead"/>).</summary>
    public TimeSpan MeetingLead { get; init; }

    /// <summary>The most pushes per local day (user setting, else <see cref="PushOptions.DefaultDailyCap"/>).</summary>
    public required int DailyCap { get; init; }

    /// <summary>Pushes sent since local midnight; <see cref="PushDecider.CountToday"/> computes it from push times.</summary>
    public required int PushesToday { get; init; }

    /// <summary>The least time between two pushes (<see cref="PushOptions.MinGap"/>).</summary>
    public required TimeSpan MinGap { get; init; }

    /// <summary>When the last push was sent, or null if never.</summary>
    public DateTimeOffset? LastPushAt { get; init; }

    /// <summary>The key of the tip pushed last, or null if never.</summary>
    public string? LastPushedKey { get; init; }

    /// <summary>The best candidate, or null when there is none.</summary>
    public PushCandidate? Candidate { get; init; }

    /// <summary>The user's current interrupt threshold (see <see cref="PushDecider.AdaptThreshold"/>).</summary>
    public required double InterruptThreshold { get; init; }
}
