namespace OO.Learning.Features;

/// <summary>
/// The features of oO's learner, in vector order. Changing the order or the count changes the model's
/// dimension, which invalidates every stored <see cref="Policies.LinearModelState"/>: append, and bump
/// <see cref="Version"/> so the grain can reset stale models.
/// </summary>
public static class FeatureRegistry
{
    /// <summary>Bumped whenever the vector layout changes.</summary>
    public const int Version = 1;

    /// <summary>Profile statistics are recomputed daily; older ones are shown as stale.</summary>
    public static readonly TimeSpan ProfileTtl = TimeSpan.FromDays(1);

    private const double AgeCapDays = 30.0;
    private const double DwellCapSeconds = 600.0;

    /// <summary>All features, in the order of the vector.</summary>
    public static IReadOnlyList<FeatureDefinition> Definitions { get; } =
    [
        new("bias", "Constant 1.", null, FeatureScope.Bias, _ => 1.0),
        new("is_overdue", "1 if the due time (or, for date-only dues, the due date) is before now in the user's time zone.", null, FeatureScope.Candidate, IsOverdue),
        new("task_age_days", "Days since the task was added, capped at 30, divided by 30 (0..1).", null, FeatureScope.Candidate,
            i => Math.Clamp((i.Context.Now - i.Task.AddedAt).TotalDays, 0.0, AgeCapDays) / AgeCapDays),
        new("priority", "Todoist priority 1 (normal) .. 4 (urgent) mapped to 0..1.", null, FeatureScope.Candidate,
            i => (Math.Clamp(i.Task.Priority, 1, 4) - 1) / 3.0),
        new("due_today", "1 if the task is due on the user's local today.", null, FeatureScope.Candidate, IsDueToday),
        new("kind_task", "1 for a task candidate (kind one-hot).", null, FeatureScope.Candidate, i => i.Task.IsAdvice ? 0.0 : 1.0),
        new("kind_advice", "1 for an advice candidate (kind one-hot).", null, FeatureScope.Candidate, i => i.Task.IsAdvice ? 1.0 : 0.0),
        new("hour_of_day_sin", "sin(2π·h/24), h = local hour with minutes as a fraction.", null, FeatureScope.Context, i => Math.Sin(HourAngle(i.Context))),
        new("hour_of_day_cos", "cos(2π·h/24).", null, FeatureScope.Context, i => Math.Cos(HourAngle(i.Context))),
        new("day_of_week_sin", "sin(2π·w/7), w = local weekday (Sunday = 0).", null, FeatureScope.Context, i => Math.Sin(WeekdayAngle(i.Context))),
        new("day_of_week_cos", "cos(2π·w/7).", null, FeatureScope.Context, i => Math.Cos(WeekdayAngle(i.Context))),
        new("completion_rate", "Share of past reactions that were done (0..1).", ProfileTtl, FeatureScope.Profile, i => i.Profile.CompletionRate.Value),
        new("snooze_rate", "Share of past reactions that were snooze (0..1).", ProfileTtl, FeatureScope.Profile, i => i.Profile.SnoozeRate.Value),
        new("dismiss_rate", "Share of past reactions that were dismiss (0..1).", ProfileTtl, FeatureScope.Profile, i => i.Profile.DismissRate.Value),
        new("mean_dwell_done", "Mean seconds shown before done, capped at 600, divided by 600 (0..1).", ProfileTtl, FeatureScope.Profile,
            i => Math.Clamp(i.Profile.MeanDwellSeconds.Value, 0.0, DwellCapSeconds) / DwellCapSeconds),
        new("active_hour_sin", "Mean sin(2π·h/24) of past reactions' local hours (direction = typical hour, length = how regular).", ProfileTtl, FeatureScope.Profile,
            i => i.Profile.ActiveHourSin.Value),
        new("active_hour_cos", "Mean cos(2π·h/24) of past reactions' local hours.", ProfileTtl, FeatureScope.Profile, i => i.Profile.ActiveHourCos.Value),
    ];

    /// <summary>The vector length d.</summary>
    public static int Dimension => Definitions.Count;

    /// <summary>Feature names in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } = Definitions.Select(d => d.Name).ToArray();

    /// <summary>True when a profile value was never computed or is older than <see cref="ProfileTtl"/>.</summary>
    public static bool IsStale(ProfileFeatureValue value, DateTimeOffset now) =>
        value.ComputedAt is not { } at || now - at > ProfileTtl;

    private static double IsOverdue(FeatureInput input)
    {
        if (input.Task.DueAt is { } dueAt)
        {
            return dueAt < input.Context.Now ? 1.0 : 0.0;
        }

        return input.Task.DueDate is { } dueDate && dueDate < input.Context.LocalToday ? 1.0 : 0.0;
    }

    private static double IsDueToday(FeatureInput input)
    {
        var today = input.Context.LocalToday;
        if (input.Task.DueAt is { } dueAt)
        {
            var local = TimeZoneInfo.ConvertTime(dueAt, input.Context.TimeZone);
            return DateOnly.FromDateTime(local.DateTime) == today ? 1.0 : 0.0;
        }

        return input.Task.DueDate == today ? 1.0 : 0.0;
    }

    private static double HourAngle(RequestContext context) => 2 * Math.PI * context.LocalNow.TimeOfDay.TotalHours / 24.0;

    private static double WeekdayAngle(RequestContext context) => 2 * Math.PI * (int)context.LocalNow.DayOfWeek / 7.0;
}
