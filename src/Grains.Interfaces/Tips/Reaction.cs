namespace OO.Grains.Interfaces.Tips;

/// <summary>The three ways a person answers a tip.</summary>
[GenerateSerializer]
public enum Reaction
{
    Done = 0,
    Snooze = 1,
    Dismiss = 2,
}
