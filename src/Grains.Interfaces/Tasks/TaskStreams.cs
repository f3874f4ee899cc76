namespace OO.Grains.Interfaces.Tasks;

/// <summary>Names shared by the publishers and the subscriber of task snapshots.</summary>
public static class TaskStreams
{
    /// <summary>The stream provider that carries task snapshots.</summary>
    public const string Provider = "tasks";

    /// <summary>The stream namespace; the stream key is the user id.</summary>
    public const string Namespace = "tasks";
}
