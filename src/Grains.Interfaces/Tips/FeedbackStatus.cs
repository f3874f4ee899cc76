namespace OO.Grains.Interfaces.Tips;

/// <summary>What became of a reaction.</summary>
[GenerateSerializer]
public enum FeedbackStatus
{
    /// <summary>The reaction was recorded and rewarded.</summary>
    Recorded = 0,

    /// <summary>No tip with that id was ever served to this user; nothing changed.</summary>
    UnknownTip = 1,

    /// <summary>The tip already has a reaction; nothing changed.</summary>
    AlreadyReacted = 2,
}
