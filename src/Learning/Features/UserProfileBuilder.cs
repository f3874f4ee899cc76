namespace OO.Learning.Features;

/// <summary>Computes a <see cref="UserProfile"/> from a reaction history (the explicit rebuild).</summary>
public static class UserProfileBuilder
{
    /// <summary>Every value gets <paramref name="now"/> as its computed-at time; hours are taken in <paramref name="timeZone"/>.</summary>
    public static UserProfile Build(IEnumerable<ReactionFact> history, DateTimeOffset now, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(timeZone);
        int done = 0, snooze = 0, dismiss = 0, dwellCount = 0;
        double dwellSeconds = 0, sin = 0, cos = 0;
        foreach (var reaction in history)
        {
            switch (reaction.Reaction)
            {
                case Reactions.Done:
                    done++;
                    if (reaction.DwellMs is { } dwell and >= 0)
                    {
                        dwellSeconds += dwell / 1000.0;
                        dwellCount++;
                    }

                    break;
                case Reactions.Snooze:
                    snooze++;
                    break;
                case Reactions.Dismiss:
                    dismiss++;
                    break;
                default:
                    continue;
            }

            var local = TimeZoneInfo.ConvertTime(reaction.ServedAt, timeZone);
            var angle = 2 * Math.PI * local.TimeOfDay.TotalHours / 24.0;
            sin += Math.Sin(angle);
            cos += Math.Cos(angle);
        }

        var total = done + snooze + dismiss;
        double Share(int n) => total == 0 ? 0.0 : (double)n / total;
        ProfileFeatureValue At(double value) => new() { Value = value, ComputedAt = now };
        return new UserProfile
        {
            CompletionRate = At(Share(done)),
            SnoozeRate = At(Share(snooze)),
            DismissRate = At(Share(dismiss)),
            MeanDwellSeconds = At(dwellCount == 0 ? 0.0 : dwellSeconds / dwellCount),
            ActiveHourSin = At(total == 0 ? 0.0 : sin / total),
            ActiveHourCos = At(total == 0 ? 0.0 : cos / total),
            ReactionCount = total,
        };
    }
}
