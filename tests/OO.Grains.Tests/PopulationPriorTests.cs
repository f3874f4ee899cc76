using OO.Grains.Interfaces.Learning;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Population;
using OO.Grains.Tests.Infrastructure;
using OO.Learning.Features;

namespace OO.Grains.Tests;

/// <summary>
/// Issue 10, item 4: a new person starts from what everyone's reactions taught (the population prior), the
/// reaction path never waits on the population grain, and deleting an account takes its contribution back out.
/// </summary>
public sealed class PopulationPriorTests(PopulationCluster cluster) : IClassFixture<PopulationCluster>
{
    private IPopulationGrain Population => cluster.Grains.GetGrain<IPopulationGrain>(IPopulationGrain.Key);

    [Fact]
    public async Task A_new_persons_first_choice_follows_what_others_taught_before_they_react()
    {
        var addedAt = cluster.Clock.GetUtcNow().AddDays(-2);
        var before = (await Population.GetStatistics()).Count;
        var taught = await Teachers.TeachAsync(cluster, people: 4, addedAt);
        await cluster.Until(async () => (await Population.GetStatistics()).Count >= before + taught, "the taught rewards in the population grain");
        var cache = cluster.Silo<PopulationPriorCache>();
        await cluster.Until(() => cache.Last is { } prior && prior.Count >= before + taught && cache.Mean is not null, "the prior in the silo's cache");

        var newcomer = await Teachers.NewUserWithTwoTasksAsync(cluster, addedAt);
        var tip = await newcomer.GetTip();

        Assert.NotNull(tip);
        var (normal, urgent) = Teachers.FirstScores(cluster, newcomer);
        Assert.True(normal > urgent, $"The normal task should score above the urgent one for a newcomer: {normal} vs {urgent}.");
        // LinUCB serves the top score with probability 1 − γ + γ/K.
        if (tip.SourceRef == "normal")
        {
            Assert.Equal(1 - 0.05 + (0.05 / 2), tip.Propensity, 9);
        }
    }

    [Fact]
    public async Task A_batch_sent_again_after_a_lost_answer_is_added_once()
    {
        var d = FeatureRegistry.Dimension;
        var xty = new double[d];
        xty[d - 1] = 1_000;
        var batch = new PopulationDelta(FeatureRegistry.Version, d, new double[d * (d + 1) / 2], xty, Count: 0, BatchId: Guid.NewGuid().ToString("N"));
        var before = (await Population.GetStatistics()).Xty.LastOrDefault();

        await Population.Merge(batch);
        await Population.Merge(batch);
        var after = (await Population.GetStatistics()).Xty[^1];

        // Other tests' rewards may arrive meanwhile, each adding at most |r·x| ≤ 1; a second copy would add 1,000.
        Assert.InRange(after - before, 999, 1_100);
    }

    [Fact]
    public async Task A_reaction_is_recorded_while_the_population_grain_is_stuck_and_its_reward_arrives_afterwards()
    {
        var user = await Teachers.NewUserWithTwoTasksAsync(cluster, cluster.Clock.GetUtcNow());
        var before = (await Population.GetStatistics()).Count;
        cluster.Gate.Close();
        try
        {
            // A first reaction puts something to send, so the next flush gets stuck in the population grain.
            var first = await user.GetTip();
            Assert.Equal(FeedbackStatus.Recorded, (await user.React(first!.TipId, Reaction.Snooze, dwellMs: 1_000)).Status);
            await cluster.Until(() => cluster.Gate.Held > 0, "a merge held at the population grain");

            var second = await user.GetTip();
            var outcome = await user.React(second!.TipId, Reaction.Dismiss, dwellMs: 1_000);

            Assert.Equal(FeedbackStatus.Recorded, outcome.Status);
            Assert.True(cluster.Gate.Held > 0, "The population grain was still stuck when the reaction was recorded.");
        }
        finally
        {
            cluster.Gate.Open();
        }

        await cluster.Until(async () => (await Population.GetStatistics()).Count == before + 2, "both rewards in the population grain");
    }

    [Fact]
    public async Task Deleting_an_account_takes_its_contribution_back_out_of_the_population()
    {
        var addedAt = cluster.Clock.GetUtcNow().AddDays(-1);
        var user = await Teachers.NewUserWithTwoTasksAsync(cluster, addedAt);
        var before = await Population.GetStatistics();
        var reactions = new[] { Reaction.Done, Reaction.Dismiss };
        foreach (var reaction in reactions)
        {
            var tip = await user.GetTip();
            Assert.Equal(FeedbackStatus.Recorded, (await user.React(tip!.TipId, reaction, dwellMs: 30_000)).Status);
        }

        await cluster.Until(async () => (await Population.GetStatistics()).Count == before.Count + reactions.Length, "the user's rewards pooled");
        var with = await Population.GetStatistics();
        Assert.NotEqual(before.Xty, with.Xty);

        await user.Delete();

        await cluster.Until(async () => (await Population.GetStatistics()).Count == before.Count, "the user's rewards withdrawn");
        var after = await Population.GetStatistics();
        Assert.Equal(before.XtX.Length, after.XtX.Length);
        for (var i = 0; i < after.XtX.Length; i++)
        {
            Assert.Equal(before.XtX[i], after.XtX[i], 6);
        }

        for (var i = 0; i < after.Xty.Length; i++)
        {
            Assert.Equal(before.Xty[i], after.Xty[i], 6);
        }
    }

    [Fact]
    public async Task A_newer_feature_layout_starts_the_population_again_and_an_older_one_is_ignored()
    {
        // A grain of its own: the cluster's population grain must stay on the layout its silo sends.
        var population = cluster.Grains.GetGrain<IPopulationGrain>($"layout-test-{Guid.NewGuid():N}");
        var current = FeatureRegistry.Version;

        await population.Merge(Delta(current, count: 5, value: 1.0));
        await population.Merge(Delta(current + 1, count: 2, value: 3.0));
        await population.Merge(Delta(current, count: 7, value: 1.0));

        var statistics = await population.GetStatistics();
        Assert.Equal((current + 1, 2L), (statistics.FeatureVersion, statistics.Count));
        Assert.Equal([3.0, 3.0], statistics.Xty);
        var prior = await population.GetPrior();
        Assert.Equal((current + 1, 2, 2L), (prior.FeatureVersion, prior.Dimension, prior.Count));
        Assert.NotNull(prior.Mean);
    }

    private static PopulationDelta Delta(int version, long count, double value) =>
        new(version, 2, [value, 0, value], [value, value], count);
}
