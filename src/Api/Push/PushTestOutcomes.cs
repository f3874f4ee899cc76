namespace OO.Api.Push;

/// <summary>The coarse outcomes a person is told about a test notification.</summary>
public static class PushTestOutcomes
{
    /// <summary>The device's push service accepted the message.</summary>
    public const string Delivered = "delivered";

    /// <summary>The push service said the subscription no longer exists; the device was removed.</summary>
    public const string Removed = "removed";

    /// <summary>Anything else: refused, rate limited, unreachable.</summary>
    public const string Failed = "failed";
}
