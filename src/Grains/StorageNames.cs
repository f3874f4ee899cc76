namespace OO.Grains;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class StorageNames
{
    /// <summary>Where every oO grain keeps its state.</summary>
    public const string Default = "oo";
}
