namespace OO.Grains.Integrations;

/// <summary>A task to close at the provider because a tip for it got a <c>done</c>.</summary>
[GenerateSerializer, Alias("oo.PendingClose")]
public sealed class PendingClose
{
    [Id(0)] public required string TipId { get; set; }
    [Id(1)] public required string SourceRef { get; set; }
    [Id(2)] public int Attempts { get; set; }
    [Id(3)] public DateTimeOffset NextAttemptAt { get; set; }
    [Id(4)] public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>
    /// The last attempt got no clear answer, so it may have closed the task: look at a listing taken after
    /// it before closing again (closing a recurring task twice would skip an occurrence).
    /// </summary>
    [Id(5)] public bool Uncertain { get; set; }

    /// <summary>The task's due date and time when it was first closed, if known: a recurring task moves on when closed.</summary>
    [Id(6)] public DateOnly? DueDate { get; set; }
    [Id(7)] public DateTimeOffset? DueAt { get; set; }
    [Id(8)] public bool DueKnown { get; set; }
}
