namespace OO.Grains.Push;

/// <summary>Who owns one push endpoint (state name <c>push-endpoint</c>). Ids never move once stored.</summary>
[GenerateSerializer, Alias("oo.PushEndpointState")]
public sealed class PushEndpointState
{
    /// <summary>The user whose device this is.</summary>
    [Id(0)] public string? OwnerId { get; set; }

    /// <summary>When that user registered it.</summary>
    [Id(1)] public DateTimeOffset ClaimedAt { get; set; }
}
