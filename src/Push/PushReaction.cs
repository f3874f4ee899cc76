namespace OO.Push;

/// <summary>What the user did with a push, as far as the threshold adaptation cares.</summary>
public enum PushReaction
{
    /// <summary>Opened the push and acted on the tip: interruptions like it are welcome.</summary>
    OpenedAndActed,

    /// <summary>Opened but did not act: no evidence either way, the threshold stays.</summary>
    Opened,

    /// <summary>Never opened before it went stale.</summary>
    Ignored,

    /// <summary>Dismissed the notification.</summary>
    Dismissed,
}
