namespace OO.Grains.Tips;

/// <summary>How long a tip stays current and how long a reaction keeps a task out of view (section <c>OO:Tips</c>).</summary>
public sealed class TipOptions
{
    public const string Section = "OO:Tips";

    /// <summary>A served tip stays the current tip this long unless reacted to. Default 30 minutes.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A snoozed task is not suggested again for this long. Default 1 hour.</summary>
    public TimeSpan SnoozeFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A dismissed task is not suggested again for this long. Default 1 day.</summary>
    public TimeSpan DismissFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many served tips each user keeps for delayed rewards, de-duplication and the profile. Default 30.</summary>
    public int ServedLogSize { get; set; } = 30;
}
