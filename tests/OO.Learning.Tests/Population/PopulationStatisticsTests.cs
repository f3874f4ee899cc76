using MathNet.Numerics.LinearAlgebra;
using OO.Learning.Policies;
using OO.Learning.Population;

namespace OO.Learning.Tests.Population;

public sealed class PopulationStatisticsTests
{
    private const int D = 6;
    private const double Ridge = 3.0;

    private static List<(double[] X, double Reward)> Rewards(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (Enumerable.Range(0, D).Select(i => i == 0 ? 1.0 : (2 * random.NextDouble()) - 1).ToArray(), (double)random.Next(2)))];
    }

    private static (LinearModelState Model, PopulationStatistics Statistics) Person(int count, int seed)
    {
        var model = LinearModelState.Create(D, Ridge);
        var statistics = PopulationStatistics.Create(D);
        var policy = new LinUcbPolicy();
        foreach (var (x, reward) in Rewards(count, seed))
        {
            policy.Update(model, x, reward);
            statistics.Add(x, reward);
        }

        return (model, statistics);
    }

    [Fact]
    public void A_persons_statistics_recovered_from_their_model_equal_what_was_added()
    {
        var (model, added) = Person(200, 1);

        var recovered = PopulationStatistics.FromModel(model, Ridge);

        Assert.Equal(added.Count, recovered.Count);
        Assert.Equal(added.Xty, recovered.Xty);
        for (var i = 0; i < added.XtX.Length; i++)
        {
            Assert.Equal(added.XtX[i], recovered.XtX[i], 1e-6 * Math.Max(1, Math.Abs(added.XtX[i])));
        }
    }

    [Fact]
    public void Subtracting_a_deleted_persons_part_leaves_the_others_statistics()
    {
        var others = Person(300, 2).Statistics;
        var (deletedModel, deleted) = Person(150, 3);
        var pooled = PopulationStatistics.Create(D);
        pooled.Merge(others);
        pooled.Merge(deleted);

        pooled.Merge(PopulationStatistics.FromModel(deletedModel, Ridge), sign: -1);

        Assert.Equal(others.Count, pooled.Count);
        for (var i = 0; i < others.XtX.Length; i++)
        {
            Assert.Equal(others.XtX[i], pooled.XtX[i], 1e-6 * Math.Max(1, Math.Abs(others.XtX[i])));
        }

        for (var i = 0; i < D; i++)
        {
            Assert.Equal(others.Xty[i], pooled.Xty[i], 1e-9);
        }

        Assert.Equal(others.SolveMean(Ridge), pooled.SolveMean(Ridge), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void The_pooled_mean_is_the_ridge_solution_over_every_reward()
    {
        var rewards = Rewards(400, 4);
        var statistics = PopulationStatistics.Create(D);
        foreach (var (x, reward) in rewards)
        {
            statistics.Add(x, reward);
        }

        var design = Matrix<double>.Build.DenseOfRowArrays(rewards.Select(r => r.X));
        var y = Vector<double>.Build.DenseOfEnumerable(rewards.Select(r => r.Reward));
        var direct = (design.TransposeThisAndMultiply(design) + (Ridge * Matrix<double>.Build.DenseIdentity(D))).Solve(design.TransposeThisAndMultiply(y));

        Assert.Equal(direct.ToArray(), statistics.SolveMean(Ridge), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void A_new_persons_model_viewed_with_the_prior_predicts_the_population_mean_and_then_moves_toward_their_own_rewards()
    {
        var population = Person(500, 5).Statistics;
        var prior = population.SolveMean(Ridge);
        var own = LinearModelState.Create(D, Ridge);
        double[] x = [1, 0.5, -0.5, 0.2, 0.1, 0];
        var populationPrediction = prior.Zip(x, (a, b) => a * b).Sum();

        Assert.Equal(populationPrediction, own.WithPriorMean(prior, Ridge).Predict(x), 12);

        var policy = new LinUcbPolicy();
        for (var n = 0; n < 50; n++)
        {
            policy.Update(own, x, 1.0);
        }

        var after = own.WithPriorMean(prior, Ridge).Predict(x);
        Assert.True(after > populationPrediction && after > 0.9, $"{populationPrediction:F3} → {after:F3}");
    }

    [Fact]
    public void Statistics_of_another_dimension_are_refused()
    {
        var statistics = PopulationStatistics.Create(D);

        Assert.Throws<ArgumentException>(() => statistics.Add(new double[D + 1], 1.0));
        Assert.Throws<ArgumentException>(() => statistics.Merge(PopulationStatistics.Create(D + 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => statistics.Merge(PopulationStatistics.Create(D), sign: 2));
    }
}
