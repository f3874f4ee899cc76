using Orleans.Runtime;

namespace OO.Api.Http;

/// <summary>
/// When a grain call that lost its silo is tried again, and for how long: a short, growing pause
/// between tries, all of them within <see cref="Budget"/>, which outlasts the time the cluster takes
/// to declare a dead silo dead (after that the grain is placed on a live silo and the call succeeds).
/// Knows nothing of the call itself; <see cref="SafeGrainCalls"/> decides which calls may be repeated.
/// </summary>
public sealed class GrainRetryPolicy(TimeSpan budget, TimeSpan firstPause, TimeSpan longestPause)
{
    /// <summary>
    /// 12 s: membership (the silo's cluster settings) declared a killed silo dead within 3.5–4.5 s in the kill
    /// test on a busy 2-core machine and is tuned for under 10 s; the rest covers the grain's new activation.
    /// </summary>
    public static readonly GrainRetryPolicy Default = new(TimeSpan.FromSeconds(12), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1));

    /// <summary>How long, from the first failure, a call keeps being tried.</summary>
    public TimeSpan Budget { get; } = budget;

    /// <summary>
    /// True when <paramref name="error"/> says the call's silo was unreachable, stopping or dead — Orleans
    /// rejected the message (<see cref="OrleansMessageRejectionException"/>, including
    /// <see cref="SiloUnavailableException"/>) — rather than that the grain itself failed.
    /// </summary>
    public static bool IsSiloLoss(Exception error) => error is OrleansMessageRejectionException;

    /// <summary>
    /// The pause before try number <paramref name="retry"/> (1 for the first repeat), or null when that
    /// try would start after the budget, counted from the first failure <paramref name="sinceFirstFailure"/> ago.
    /// </summary>
    public TimeSpan? PauseBefore(int retry, TimeSpan sinceFirstFailure)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var doubled = firstPause.Ticks * Math.Pow(2, Math.Min(retry - 1, 20));
        var pause = TimeSpan.FromTicks((long)Math.Min(doubled, longestPause.Ticks));
        return sinceFirstFailure + pause <= Budget ? pause : null;
    }
}
