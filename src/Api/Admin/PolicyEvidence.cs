using System.Globalization;
using OO.Learning.Evaluation;
using OO.Learning.Policies;

namespace OO.Api.Admin;

/// <summary>
/// Offline estimates of every known policy from the recent log, and the promotion rule: a candidate may replace the
/// serving policy only when the lower end of its SNIPS 95% interval is at least the serving policy's SNIPS estimate.
/// SNIPS because it is bounded by the rewards and needs no uniform logger (replay does).
/// </summary>
public static class PolicyEvidence
{
    /// <summary>Recent rewarded decisions an estimate reads at most.</summary>
    public const int RecentDecisions = 5_000;

    /// <summary>Fixes the policies' own randomness, so the same log gives the same estimates.</summary>
    private const int Seed = 20_260_101;

    public static IReadOnlyList<PolicyEstimateView> Estimate(LoggedDataset log, PolicyOptions tuning) =>
        [.. PolicyFactory.Names.Select(name =>
        {
            var evaluation = OfflineEvaluator.Evaluate(log.Events, log.Dimension, PolicyFactory.Create(name, tuning), Seed, tuning.Ridge);
            return new PolicyEstimateView(name, EstimateView.Of(evaluation.Replay), EstimateView.Of(evaluation.Ips), EstimateView.Of(evaluation.Snips));
        })];

    /// <summary>Null when <paramref name="candidate"/> may replace <paramref name="active"/>; otherwise the sentence that says why not.</summary>
    public static string? Refusal(IReadOnlyList<PolicyEstimateView> estimates, string active, string candidate)
    {
        // A stored active policy this version no longer knows has no estimate: nothing to compare with.
        var current = estimates.FirstOrDefault(e => e.Policy == active)?.Snips;
        var proposed = estimates.FirstOrDefault(e => e.Policy == candidate)?.Snips;
        if (current?.Estimate is not { } bar || proposed?.CiLow is not { } low)
        {
            return $"The recent log has no usable rewarded decisions to compare {candidate} with {active}; promote with \"force\": true to do it anyway.";
        }

        return low < bar
            ? string.Create(CultureInfo.InvariantCulture,
                $"The lower end of {candidate}'s 95% interval ({low:0.###}) is below {active}'s estimate ({bar:0.###}) on {proposed.Count} recent decisions; promote with \"force\": true to do it anyway.")
            : null;
    }

    /// <summary>One sentence for the audit row: both policies' SNIPS estimates.</summary>
    public static string Describe(IReadOnlyList<PolicyEstimateView> estimates, string active, string candidate)
    {
        string Of(string policy) => estimates.FirstOrDefault(e => e.Policy == policy) is { Snips.Estimate: { } v } e
            ? string.Create(CultureInfo.InvariantCulture, $"{e.Policy} SNIPS {v:0.###} [{e.Snips.CiLow:0.###}, {e.Snips.CiHigh:0.###}] n={e.Snips.Count}")
            : $"{policy} SNIPS undefined";

        return active == candidate ? Of(active) : $"{Of(candidate)} vs {Of(active)}";
    }
}
