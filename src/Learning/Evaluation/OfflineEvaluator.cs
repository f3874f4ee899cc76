using OO.Learning.Policies;

namespace OO.Learning.Evaluation;

/// <summary>
/// Off-policy estimates of a target policy's mean reward from a log. The target learns online while the log is
/// read, as it would in production:
/// <list type="bullet">
/// <item><b>Replay</b> (Li et al. 2011): the target chooses on its own model; an event counts only when it picks
/// the logged candidate, and only then is the model updated. Unbiased when logging was uniform; with a
/// non-uniform logger it is a (documented) approximation. CI: normal approximation over matched rewards.</item>
/// <item><b>IPS</b>: mean of wᵢrᵢ with wᵢ = π_target(aᵢ|xᵢ)/pᵢ, π_target taken from the target's
/// <see cref="PolicyDecision.Probabilities"/>. Its model is updated with every logged (x, r): off-policy data is
/// still valid ridge-regression data. CI: mean ± 1.96·sd(wr)/√n.</item>
/// <item><b>SNIPS</b>: Σwᵢrᵢ / Σwᵢ, same weights. CI by the delta method:
/// se² = Σ wᵢ²(rᵢ − V̂)² / (Σwᵢ)².</item>
/// </list>
/// </summary>
public static class OfflineEvaluator
{
    /// <summary>The logging policy's observed mean reward, with a normal 95% CI.</summary>
    public static IntervalEstimate LoggedMean(IReadOnlyList<LoggedEvent> log) =>
        IntervalEstimate.OfMean(log.Select(e => e.Reward).ToArray());

    /// <summary>Evaluates <paramref name="target"/> on <paramref name="log"/>; <paramref name="seed"/> fixes the target's own randomness.</summary>
    public static PolicyEvaluation Evaluate(
        IReadOnlyList<LoggedEvent> log,
        int dimension,
        IBanditPolicy target,
        int seed,
        double ridge = PolicyOptions.DefaultRidge,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(target);
        var replayState = LinearModelState.Create(dimension, ridge);
        var ipsState = LinearModelState.Create(dimension, ridge);
        var replayRandom = new Random(seed);
        var ipsRandom = new Random(unchecked(seed * 31 + 7));
        var matched = new List<double>();
        var weighted = new double[log.Count];
        var weights = new double[log.Count];
        var rewards = new double[log.Count];
        var reportEvery = Math.Max(1, log.Count / 100);
        for (var i = 0; i < log.Count; i++)
        {
            var e = log[i];
            if (e.ChosenIndex < 0 || e.ChosenIndex >= e.Contexts.Count || !(e.Propensity > 0) || e.Propensity > 1)
            {
                throw new ArgumentException($"Logged event {i} has chosen index {e.ChosenIndex} of {e.Contexts.Count} and propensity {e.Propensity}.", nameof(log));
            }

            var shown = e.Contexts[e.ChosenIndex];
            var replay = target.Choose(e.Contexts, replayState, replayRandom);
            if (replay.ChosenIndex == e.ChosenIndex)
            {
                matched.Add(e.Reward);
                target.Update(replayState, shown, e.Reward);
            }

            var decision = target.Choose(e.Contexts, ipsState, ipsRandom);
            var w = decision.Probabilities[e.ChosenIndex] / e.Propensity;
            weights[i] = w;
            rewards[i] = e.Reward;
            weighted[i] = w * e.Reward;
            target.Update(ipsState, shown, e.Reward);
            if (progress is not null && i % reportEvery == 0)
            {
                progress.Report((double)i / log.Count);
            }
        }

        progress?.Report(1.0);
        return new PolicyEvaluation(target.Name, IntervalEstimate.OfMean(matched), IntervalEstimate.OfMean(weighted), Snips(weights, rewards));
    }

    private static IntervalEstimate Snips(double[] weights, double[] rewards)
    {
        var n = weights.Length;
        var weightSum = weights.Sum();
        if (n == 0 || weightSum <= 0)
        {
            return IntervalEstimate.Undefined;
        }

        var estimate = 0.0;
        for (var i = 0; i < n; i++)
        {
            estimate += weights[i] * rewards[i];
        }

        estimate /= weightSum;
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var residual = weights[i] * (rewards[i] - estimate);
            squares += residual * residual;
        }

        var half = IntervalEstimate.Z95 * Math.Sqrt(squares) / weightSum;
        return new IntervalEstimate(estimate, estimate - half, estimate + half, n);
    }
}
