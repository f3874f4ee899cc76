namespace OO.Push;

/// <summary>
/// The interrupt threshold for this moment: the learned one (see <see cref="PushDecider.AdaptThreshold"/>) moved by
/// the person's profile. Lower near the hours they usually react at and higher far from them, by as much as
/// <see cref="PushOptions.ActiveHoursWeight"/> times how regular they are; lower for someone who does most of what
/// they react to and higher for someone who does little, by <see cref="PushOptions.CompletionRateWeight"/>. Both
/// grow with the evidence, reaching half weight at <see cref="PushOptions.ProfileHalfWeightReactions"/> reactions.
/// </summary>
/// <remarks>
/// The profile keeps only the mean direction of the hours (r, μ). The von Mises density with that mean resultant
/// is the least-assuming shape it fixes; its concentration κ is estimated from r (Fisher 1993, §4.5.5) and capped
/// so "near" always spans at least about an hour and a half either side. Closeness exp(κ(cos Δ − 1)) is 1 at the
/// usual hour and falls to 0 away from it; the timing term is r·(1 − 2·closeness) in [−r, r].
/// </remarks>
public static class ProfileThreshold
{
    /// <summary>The largest concentration used: a spread of about 1.6 hours (1/√κ radians) even for someone always on time.</summary>
    public const double MaxConcentration = 5.0;

    /// <summary>A completion rate above this lowers the threshold, below it raises it.</summary>
    public const double NeutralCompletionRate = 0.5;

    /// <summary>The threshold for a decision at <paramref name="now"/>, clamped to the configured minimum and maximum.</summary>
    public static double For(double learned, PushProfile profile, DateTimeOffset now, TimeZoneInfo zone, PushOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(options);
        if (profile.Reactions <= 0)
        {
            return learned;
        }

        var evidence = profile.Reactions / (profile.Reactions + options.ProfileHalfWeightReactions);
        var timing = options.ActiveHoursWeight * Timing(profile, now, zone);
        var completion = options.CompletionRateWeight * (NeutralCompletionRate - Math.Clamp(profile.CompletionRate, 0.0, 1.0)) * 2;
        return Math.Clamp(learned + (evidence * (timing + completion)), options.MinInterruptThreshold, options.MaxInterruptThreshold);
    }

    /// <summary>In [−1, 1]: −r at the person's usual hour, +r far from it, 0 for someone with no usual hour.</summary>
    public static double Timing(PushProfile profile, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var r = Math.Sqrt((profile.ActiveHourSin * profile.ActiveHourSin) + (profile.ActiveHourCos * profile.ActiveHourCos));
        if (!(r > 1e-9))
        {
            return 0.0;
        }

        r = Math.Min(r, 1.0);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var angle = 2 * Math.PI * local.TimeOfDay.TotalHours / 24.0;
        // cos(angle − μ) without μ: the mean vector's unit direction dotted with now's.
        var cosDelta = ((Math.Sin(angle) * profile.ActiveHourSin) + (Math.Cos(angle) * profile.ActiveHourCos)) / r;
        var closeness = Math.Exp(Concentration(r) * (Math.Clamp(cosDelta, -1.0, 1.0) - 1.0));
        return r * (1.0 - (2.0 * closeness));
    }

    /// <summary>The von Mises κ whose mean resultant length is <paramref name="r"/> (Fisher's approximation), capped at <see cref="MaxConcentration"/>.</summary>
    public static double Concentration(double r)
    {
        var kappa = r switch
        {
            < 0.53 => (2 * r) + (r * r * r) + (5 * Math.Pow(r, 5) / 6),
            < 0.85 => -0.4 + (1.39 * r) + (0.43 / (1 - r)),
            < 1.0 => 1 / ((r * r * r) - (4 * r * r) + (3 * r)),
            _ => MaxConcentration,
        };
        return Math.Min(kappa, MaxConcentration);
    }
}
