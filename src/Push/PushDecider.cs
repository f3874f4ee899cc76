namespace OO.Push;

/// <summary>
/// The rules that decide whether one push goes out now, and how the interrupt threshold learns
/// from reactions. Pure functions of their inputs: the caller passes the clock's time, so tests
/// drive them with any instant.
/// </summary>
public static class PushDecider
{
    /// <summary>
    /// Decides. The rules are checked in this order and the first that fails is the reason:
    /// quiet hours, in a meeting (or just before one), daily cap, minimum gap (the rules about the user's day, which hold whatever
    /// the candidate), then no candidate, same as the last push, and below the threshold.
    /// </summary>
    public static PushDecision Decide(PushDecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.QuietHours.Contains(input.Now, input.TimeZone))
        {
            return new PushDecision(PushDecisionReason.QuietHours);
        }

        if (input.Meetings.Any(m => m.Start - input.MeetingLead <= input.Now && input.Now < m.End))
        {
            return new PushDecision(PushDecisionReason.InMeeting);
        }

        if (input.PushesToday >= input.DailyCap)
        {
            return new PushDecision(PushDecisionReason.DailyCapReached);
        }

        if (input.LastPushAt is { } last && input.Now - last < input.MinGap)
        {
            return new PushDecision(PushDecisionReason.TooSoon);
        }

        if (input.Candidate is not { } candidate)
        {
            return new PushDecision(PushDecisionReason.NoCandidate);
        }

        if (input.LastPushedKey is not null && string.Equals(candidate.Key, input.LastPushedKey, StringComparison.Ordinal))
        {
            return new PushDecision(PushDecisionReason.SameAsLastPush);
        }

        if (!(candidate.ExpectedReward > input.InterruptThreshold))
        {
            return new PushDecision(PushDecisionReason.BelowThreshold);
        }

        return new PushDecision(PushDecisionReason.Send);
    }

    /// <summary>
    /// The instant the user's current local day began: local midnight, or the first valid local
    /// time after it where a daylight-saving change skips midnight itself.
    /// </summary>
    public static DateTimeOffset StartOfLocalDay(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var midnight = TimeZoneInfo.ConvertTime(now, zone).Date;
        var local = midnight;
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // For an ambiguous midnight (clocks went back across it) the earlier instant is the start.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>How many of <paramref name="pushTimes"/> fall in the user's current local day, up to <paramref name="now"/>.</summary>
    public static int CountToday(IEnumerable<DateTimeOffset> pushTimes, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(pushTimes);
        var start = StartOfLocalDay(now, zone);
        return pushTimes.Count(t => t >= start && t <= now);
    }

    /// <summary>
    /// The threshold after a reaction: acting on a push lowers it by
    /// <see cref="PushOptions.ThresholdDecreaseOnAct"/>, ignoring or dismissing raises it by
    /// <see cref="PushOptions.ThresholdIncreaseOnIgnore"/>, merely opening leaves it; the result
    /// stays within [<see cref="PushOptions.MinInterruptThreshold"/>, <see cref="PushOptions.MaxInterruptThreshold"/>].
    /// </summary>
    public static double AdaptThreshold(double current, PushReaction reaction, PushOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var next = reaction switch
        {
            PushReaction.OpenedAndActed => current - options.ThresholdDecreaseOnAct,
            PushReaction.Ignored or PushReaction.Dismissed => current + options.ThresholdIncreaseOnIgnore,
            _ => current,
        };
        return Math.Clamp(next, options.MinInterruptThreshold, options.MaxInterruptThreshold);
    }
}
