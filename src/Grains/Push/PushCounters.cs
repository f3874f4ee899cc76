namespace OO.Grains.Push;

/// <summary>What every push of one user came to, for administrators.</summary>
[GenerateSerializer, Alias("oo.PushCounters")]
public sealed class PushCounters
{
    [Id(0)] public long TipPushes { get; set; }
    [Id(1)] public long TestPushes { get; set; }
    [Id(2)] public long Opened { get; set; }
    [Id(3)] public long Attempts { get; set; }
    [Id(4)] public long Delivered { get; set; }
    [Id(5)] public long Gone { get; set; }
    [Id(6)] public long RateLimited { get; set; }
    [Id(7)] public long Rejected { get; set; }
    [Id(8)] public long TransientFailures { get; set; }
    [Id(9)] public string? LastOutcome { get; set; }
    [Id(10)] public int? LastStatusCode { get; set; }
    [Id(11)] public DateTimeOffset? LastOutcomeAt { get; set; }
}
