namespace OO.Grains.Push;

/// <summary>One tip pushed to the user, and what came of it.</summary>
[GenerateSerializer, Alias("oo.PushRecord")]
public sealed class PushRecord
{
    /// <summary>The push (and the served tip) id.</summary>
    [Id(0)] public required string TipId { get; set; }

    /// <summary>The candidate key (<c>source:sourceRef</c>) the same-as-last rule compares.</summary>
    [Id(1)] public required string Key { get; set; }

    /// <summary>When the decision sent it.</summary>
    [Id(2)] public DateTimeOffset At { get; set; }

    /// <summary>True once a push service accepted it for some device, false when none did; null while the dispatcher is sending.</summary>
    [Id(3)] public bool? Delivered { get; set; }

    /// <summary>When the person opened the notification.</summary>
    [Id(4)] public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>How the threshold learned from this push (a <c>PushReaction</c> name), once it has.</summary>
    [Id(5)] public string? Feedback { get; set; }

    /// <summary>A push counts for the cap, the gap and same-as-last unless no device received it.</summary>
    public bool Counts => Delivered != false;
}
