namespace OO.Grains.Interfaces.Push;

/// <summary>What a push carries.</summary>
[GenerateSerializer]
public enum PushKind
{
    /// <summary>A tip chosen by the <c>deliver</c> decision.</summary>
    Tip = 0,

    /// <summary>A test notification the person asked for.</summary>
    Test = 1,
}
