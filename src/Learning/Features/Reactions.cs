namespace OO.Learning.Features;

/// <summary>The reaction names the profile understands.</summary>
public static class Reactions
{
    /// <summary>The user did it.</summary>
    public const string Done = "done";

    /// <summary>The user asked to see it later.</summary>
    public const string Snooze = "snooze";

    /// <summary>The user dismissed it.</summary>
    public const string Dismiss = "dismiss";
}
