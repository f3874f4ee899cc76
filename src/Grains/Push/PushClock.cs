namespace OO.Grains.Push;

/// <summary>
/// The clock the push rules read (quiet hours, daily cap, gap, rate-limit waits). Its own type so
/// tests can move push time without moving the silo's <see cref="TimeProvider"/>, which Orleans
/// itself reads. In production it is the system clock.
/// </summary>
public sealed class PushClock(TimeProvider time)
{
    /// <summary>The current instant.</summary>
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
