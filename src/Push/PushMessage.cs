using System.Text;

namespace OO.Push;

/// <summary>
/// One message to push: the payload the service worker receives (usually small JSON) and the
/// delivery headers. Unset headers fall back to <see cref="PushOptions"/>.
/// </summary>
/// <param name="Payload">At most <see cref="WebPushEncryptor.MaxPlaintextLength"/> bytes.</param>
public sealed record PushMessage(ReadOnlyMemory<byte> Payload)
{
    /// <summary>The <c>TTL</c>; null means <see cref="PushOptions.TimeToLive"/>.</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>The <c>Urgency</c>; <see cref="PushUrgency.Normal"/> unless set.</summary>
    public PushUrgency Urgency { get; init; } = PushUrgency.Normal;

    /// <summary>
    /// The <c>Topic</c>, or null for none. Must satisfy <see cref="PushTopic.IsValid"/>; use
    /// <see cref="PushTopic.FromKey"/> to derive one from a tip key.
    /// </summary>
    public string? Topic { get; init; }

    /// <summary>A message whose payload is <paramref name="text"/> in UTF-8 (for example JSON).</summary>
    public static PushMessage FromText(string text) => new(Encoding.UTF8.GetBytes(text));
}
