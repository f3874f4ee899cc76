namespace OO.Grains.Interfaces.Tips;

/// <summary>
/// What a tip asks of the person. A <see cref="Task"/> is one of their own tasks (done closes it at its source);
/// the other kinds are written by oO — by a language model or by rules over the person's own history — and are
/// answered "Helpful", "Not now" or "Not useful" instead of done, snooze or dismiss.
/// </summary>
[GenerateSerializer]
public enum TipKind
{
    /// <summary>One of the person's open tasks, to do now.</summary>
    Task = 0,

    /// <summary>A suggestion of how to go about something ("Block 30 minutes for the report before lunch").</summary>
    Advice = 1,

    /// <summary>Something oO noticed in the person's own history ("You finish most tasks before 10:00").</summary>
    Insight = 2,

    /// <summary>Something coming up that is worth preparing for ("Prepare for 15:00 Design review").</summary>
    Reminder = 3,
}
