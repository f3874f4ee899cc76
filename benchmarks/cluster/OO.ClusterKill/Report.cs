using System.Text;

namespace OO.ClusterKill;

/// <summary>The kill test's numbers, computed from the timeline.</summary>
public sealed record Report(
    int Requests,
    int Failed,
    IReadOnlyDictionary<string, int> FailuresByKind,
    double? LastFailureAfterStop,
    double ServedAgainAfterStop,
    double LongestRequest,
    long Cycles,
    double Seconds,
    double CyclesPerSecondBefore,
    double CyclesPerSecondAfter)
{
    /// <summary>The measured part of the run only: requests sent from <paramref name="start"/> on, cycles counted from <paramref name="cyclesAtStart"/>.</summary>
    public static Report From(Timeline timeline, double start, double stoppedAt, double end, long cyclesAtStart, long cyclesBefore)
    {
        var entries = timeline.Entries.Where(e => e.Started >= start).ToList();
        var failures = entries.Where(e => !e.Ok).ToList();
        // A person is served again when a request they sent after the stop is answered; the slowest person sets the figure.
        var servedAgain = entries.Where(e => e.Ok && e.Started >= stoppedAt)
            .GroupBy(e => e.Person)
            .Select(g => g.Min(e => e.Ended) - stoppedAt)
            .DefaultIfEmpty(double.NaN)
            .Max();
        return new Report(
            entries.Count,
            failures.Count,
            failures.GroupBy(f => $"{f.What}: {f.Failure}").ToDictionary(g => g.Key, g => g.Count()),
            failures.Count == 0 ? null : failures.Max(f => f.Ended) - stoppedAt,
            servedAgain,
            entries.Max(e => e.Took),
            timeline.Cycles - cyclesAtStart,
            end - start,
            (cyclesBefore - cyclesAtStart) / (stoppedAt - start),
            (timeline.Cycles - cyclesBefore) / (end - stoppedAt));
    }

    public string Describe(SiloRouter router)
    {
        var text = new StringBuilder();
        text.AppendLine($"requests            {Requests}, failed {Failed} ({100.0 * Failed / Math.Max(1, Requests):F3} %)");
        foreach (var (kind, count) in FailuresByKind.OrderByDescending(k => k.Value).Take(5))
        {
            text.AppendLine($"  {count} × {kind}");
        }

        text.AppendLine($"moved on refusal    {router.MovedOnRefusal}; sent again after a broken connection {router.RepeatedAfterBreak}");
        text.AppendLine($"last failure        {(LastFailureAfterStop is { } last ? $"{last:F1} s after the stop" : "none")}");
        text.AppendLine($"everyone served     {ServedAgainAfterStop:F1} s after the stop (slowest person's first answer to a request sent after it)");
        text.AppendLine($"longest request     {LongestRequest:F2} s");
        text.Append($"cycles              {Cycles} in {Seconds:F0} s = {Cycles / Seconds:F0}/s (before the stop {CyclesPerSecondBefore:F0}/s, after {CyclesPerSecondAfter:F0}/s)");
        return text.ToString();
    }
}
