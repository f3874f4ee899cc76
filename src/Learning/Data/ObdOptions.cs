namespace OO.Learning.Data;

/// <summary>How the Open Bandit Dataset reader builds vectors.</summary>
public sealed class ObdOptions
{
    /// <summary>Slots shared by all hashed categorical values (user and item). Default 16.</summary>
    public int HashBuckets { get; set; } = 16;

    /// <summary>Read at most this many events (null = all).</summary>
    public int? MaxEvents { get; set; }
}
