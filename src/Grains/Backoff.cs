namespace OO.Grains;

/// <summary>Exponential back-off with jitter, shared by everything in the grains that retries.</summary>
public static class Backoff
{
    /// <summary>
    /// The wait before attempt <paramref name="attempt"/> + 1: between a half and the whole of
    /// <c>first × 2^(attempt-1)</c>, capped at <paramref name="max"/>. <paramref name="jitter"/> is in [0, 1).
    /// </summary>
    public static TimeSpan Delay(TimeSpan first, int attempt, TimeSpan max, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Math.Clamp(jitter, 0, 1) / 2)));
    }
}
