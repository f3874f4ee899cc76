namespace OO.Grains.Interfaces.Push;

/// <summary>What asking for a test notification came to.</summary>
/// <param name="Dispatch">The push to send now, or null when there is none (see the other two).</param>
/// <param name="RetryAfter">Set when the person asked too recently: how long until they may ask again.</param>
[GenerateSerializer, Immutable, Alias("oo.PushTestRequest")]
public sealed record PushTestRequest(
    [property: Id(0)] PushDispatch? Dispatch,
    [property: Id(1)] TimeSpan? RetryAfter)
{
    /// <summary>True when the user has no device to send to.</summary>
    public bool NoDevice => Dispatch is null && RetryAfter is null;
}
