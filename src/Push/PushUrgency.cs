namespace OO.Push;

/// <summary>The RFC 8030 <c>Urgency</c> header: how eagerly a device should wake for the message.</summary>
public enum PushUrgency
{
    /// <summary><c>very-low</c>: deliver when the device is on power and Wi-Fi.</summary>
    VeryLow,

    /// <summary><c>low</c>: deliver when on power or Wi-Fi.</summary>
    Low,

    /// <summary><c>normal</c>: deliver when not in power-saving mode; the default.</summary>
    Normal,

    /// <summary><c>high</c>: deliver even on low battery.</summary>
    High,
}
