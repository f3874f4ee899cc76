namespace OO.Grains.Push;

/// <summary>
/// The user grain's push state, stored apart from the rest of the user (state name <c>push</c>)
/// so that a push outcome writes only this. Ids never move once stored.
/// </summary>
[GenerateSerializer, Alias("oo.PushState")]
public sealed class PushState
{
    /// <summary>The user's devices, oldest first; at most <see cref="MaxDevices"/>.</summary>
    [Id(0)] public List<StoredPushSubscription> Subscriptions { get; set; } = [];

    /// <summary>The learned interrupt threshold; null until the first reaction moves it from the configured default.</summary>
    [Id(1)] public double? InterruptThreshold { get; set; }

    /// <summary>Recent tip pushes, oldest first, bounded: enough for the daily cap, the gap and the feedback.</summary>
    [Id(2)] public List<PushRecord> Pushes { get; set; } = [];

    /// <summary>Counters for the admin view.</summary>
    [Id(3)] public PushCounters Counters { get; set; } = new();

    /// <summary>When the person last asked for a test notification: the cooldown counts from here.</summary>
    [Id(4)] public DateTimeOffset? LastTestPushAt { get; set; }

    /// <summary>How many devices one user may have; adding one more drops the oldest.</summary>
    public const int MaxDevices = 10;

    /// <summary>How many tip pushes are remembered (more than any daily cap allows).</summary>
    public const int MaxPushes = 50;
}
