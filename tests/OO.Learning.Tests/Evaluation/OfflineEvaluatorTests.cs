using OO.Learning.Evaluation;
using OO.Learning.Policies;

namespace OO.Learning.Tests.Evaluation;

public sealed class OfflineEvaluatorTests
{
    [Fact]
    public void Evaluating_the_random_logger_itself_recovers_the_logged_mean_within_the_interval()
    {
        var log = SyntheticLog.UniformlyLogged(4000, 5, 21);
        var logged = OfflineEvaluator.LoggedMean(log);

        var result = OfflineEvaluator.Evaluate(log, 3, new RandomPolicy(), seed: 1);

        Assert.InRange(logged.Estimate, result.Ips.CiLow, result.Ips.CiHigh);
        Assert.InRange(logged.Estimate, result.Snips.CiLow, result.Snips.CiHigh);
        Assert.InRange(logged.Estimate, result.Replay.CiLow, result.Replay.CiHigh);
        // Same policy as the logger: every weight is exactly 1, so SNIPS equals the logged mean.
        Assert.Equal(logged.Estimate, result.Snips.Estimate, 12);
        Assert.InRange(result.Replay.Count, 4000 / 5 * 0.85, 4000 / 5 * 1.15);
        Assert.True(result.Ips.CiHigh - result.Ips.CiLow < 0.1);
    }

    [Theory]
    [InlineData("linucb")]
    [InlineData("thompson")]
    [InlineData("epsilon-greedy")]
    public void A_learning_target_is_estimated_above_the_random_logger_when_the_signal_is_learnable(string name)
    {
        var log = SyntheticLog.UniformlyLogged(4000, 5, 22);
        var logged = OfflineEvaluator.LoggedMean(log);

        var result = OfflineEvaluator.Evaluate(log, 3, PolicyFactory.Create(name), seed: 1);

        Assert.True(result.Snips.Estimate > logged.CiHigh, $"SNIPS {result.Snips.Estimate} vs logged {logged.Estimate}");
        Assert.True(result.Ips.Estimate > logged.CiHigh, $"IPS {result.Ips.Estimate} vs logged {logged.Estimate}");
        Assert.True(result.Replay.Estimate > logged.CiHigh, $"replay {result.Replay.Estimate} vs logged {logged.Estimate}");
    }

    [Fact]
    public void An_empty_replay_is_undefined_not_zero()
    {
        Assert.True(double.IsNaN(IntervalEstimate.OfMean([]).Estimate));
    }
}
