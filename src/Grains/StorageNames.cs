namespace OO.Grains;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class StorageNames
{
    /// <summary>Where every oO grain keeps its state.</summary>
    public const string Default = "oo";

    /// <summary>The stream pub-sub store Orleans' stream providers look for by this name.</summary>
    public const string PubSub = "PubSubStore";
}
