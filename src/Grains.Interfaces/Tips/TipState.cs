namespace OO.Grains.Interfaces.Tips;

/// <summary>Why a user has a tip or not, so the page can name the real situation.</summary>
public enum TipState
{
    /// <summary>There is something to suggest: ask for the tip.</summary>
    Ready,

    /// <summary>A connected source has not delivered its first tasks yet ("Reading your tasks…").</summary>
    Syncing,

    /// <summary>Every source has been read and nothing is left to suggest now ("All done").</summary>
    AllDone,

    /// <summary>No source is connected ("Connect a source").</summary>
    NoSource,
}
