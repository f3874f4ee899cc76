namespace OO.Testing;

/// <summary>
/// A whole host's fake <see cref="TimeProvider"/>: the system clock moved by an offset a test sets.
/// Unlike <c>FakeTimeProvider</c>, its timers and timestamps stay real, so Orleans' own timers,
/// reminders and stream agents keep running while the time the product reads jumps to wherever
/// the test needs it (tomorrow 07:00, after a cooldown).
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>A clock that starts at <paramref name="start"/> and runs on from there in real time.</summary>
    public ShiftedClock(DateTimeOffset start) => SetUtcNow(start);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Jumps forward by <paramref name="delta"/>.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, delta.Ticks);
    }

    /// <summary>Jumps to <paramref name="now"/>.</summary>
    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);
}
