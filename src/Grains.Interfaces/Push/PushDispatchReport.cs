namespace OO.Grains.Interfaces.Push;

/// <summary>The outcome of one push, per device.</summary>
[GenerateSerializer, Immutable, Alias("oo.PushDispatchReport")]
public sealed record PushDispatchReport(
    [property: Id(0)] string PushId,
    [property: Id(1)] PushKind Kind,
    [property: Id(2)] IReadOnlyList<PushDeviceOutcome> Devices)
{
    /// <summary>The outcome name meaning the push service accepted the message.</summary>
    public const string Delivered = "Delivered";

    /// <summary>True when at least one device's push service accepted the message.</summary>
    public bool AnyDelivered => Devices.Any(d => d.Outcome == Delivered);
}
