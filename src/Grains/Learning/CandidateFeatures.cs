using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Learning;

/// <summary>The feature vector of a task candidate at a moment; the learning policies read these.</summary>
public static class CandidateFeatures
{
    /// <summary>Bias, is overdue, due today, priority (0..1), task age in weeks (capped at 1).</summary>
    public static double[] Of(SourceTask task, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var overdue = task.DueAt is { } at ? at < now : task.DueDate is { } date && date < today;
        var dueToday = task.DueDate == today || (task.DueAt is { } dueAt && DateOnly.FromDateTime(dueAt.UtcDateTime) == today);
        var ageWeeks = Math.Clamp((now - task.AddedAt).TotalDays / 7.0, 0, 1);
        return [1.0, overdue ? 1 : 0, dueToday ? 1 : 0, (task.Priority - 1) / 3.0, ageWeeks];
    }
}
