namespace OO.Silo.Storage.Sqlite;

/// <summary>Grain state and reminders on the embedded SQLite file (section <c>OO:Storage:Sqlite</c>).</summary>
public sealed class SqliteStorageOptions
{
    public const string Section = "OO:Storage:Sqlite";

    /// <summary>
    /// True (default): oO's own grain storage and reminder table, every write grouped with the others into one
    /// transaction by a dedicated writer thread. False: the Orleans ADO.NET providers, one synchronous
    /// transaction per write on the calling thread (kept to compare the two; same tables and formats, so
    /// either reads what the other wrote).
    /// </summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>
    /// True (default): every commit is fsynced before its writes are acknowledged (WAL, synchronous=FULL), so an
    /// acknowledged write survives power loss. False: synchronous=NORMAL, the WAL is fsynced only at checkpoints;
    /// a crash of the process loses nothing, a power loss or kernel crash can lose the last acknowledged writes.
    /// On this project's test machine an fsync costs about 4 ms (see docs/benchmarks.md).
    /// </summary>
    public bool DurableCommits { get; set; } = true;

    /// <summary>Writes committed in one transaction at most. Default 512.</summary>
    public int MaxBatch { get; set; } = 512;

    /// <summary>Threads, each with its own connection, that answer reads. Default 2.</summary>
    public int Readers { get; set; } = 2;
}
