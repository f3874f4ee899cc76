namespace OO.Grains.Interfaces.Push;

/// <summary>What the push service answered for one device.</summary>
/// <param name="Endpoint">The device's endpoint (a capability URL: never log or show it).</param>
/// <param name="Outcome">One of Delivered, Gone, RateLimited, PayloadTooLarge, Rejected, TransientFailure.</param>
/// <param name="StatusCode">The last HTTP status, or null when no answer came.</param>
/// <param name="Attempts">HTTP attempts made.</param>
/// <param name="RetryAfter">For RateLimited: how long the service asked to wait, when it said.</param>
[GenerateSerializer, Immutable, Alias("oo.PushDeviceOutcome")]
public sealed record PushDeviceOutcome(
    [property: Id(0)] string Endpoint,
    [property: Id(1)] string Outcome,
    [property: Id(2)] int? StatusCode,
    [property: Id(3)] int Attempts,
    [property: Id(4)] TimeSpan? RetryAfter);
