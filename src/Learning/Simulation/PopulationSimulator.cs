using MathNet.Numerics.LinearAlgebra;
using OO.Learning.Features;
using OO.Learning.Policies;
using OO.Learning.Population;

namespace OO.Learning.Simulation;

/// <summary>
/// The population scenario. First <see cref="PopulationSimulationOptions.People"/> people who share tastes (near
/// the archetype of <see cref="SyntheticTopics"/>) are served by the policy, each with their own model, and every
/// reward is also added to one <see cref="PopulationStatistics"/>: sums only, as the population grain keeps them.
/// Then each new person is served their first tips four ways over the same requests and reward noise:
/// <list type="bullet">
/// <item><c>random</c>: uniform.</item>
/// <item><c>per-user</c>: the policy on the person's own fresh model (per-user learning alone).</item>
/// <item><c>population-prior</c>: the policy on the person's own model viewed with the population mean as prior,
/// <see cref="LinearModelState.WithPriorMean"/> (θ̂ = A⁻¹(B + λθ₀)); the person's reactions update their own model.</item>
/// <item><c>pooled</c>: the policy on one model of everyone's statistics plus the person's reactions (fully shared, nothing personal).</item>
/// </list>
/// </summary>
public static class PopulationSimulator
{
    /// <summary>The arms, in result order.</summary>
    public static IReadOnlyList<string> Arms { get; } = ["random", "per-user", "population-prior", "pooled"];

    /// <summary>Runs the scenario.</summary>
    public static IReadOnlyList<PopulationArmResult> Run(PopulationSimulationOptions options, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var policy = PolicyFactory.Create(options.Policy, options.PolicyOptions);
        var random = new RandomPolicy();
        var ridge = options.PolicyOptions.Ridge;
        var d = FeatureRegistry.Dimension;
        var world = new Random(options.Seed);
        var choices = new Random(options.Seed + 1);
        var k = options.Candidates;

        var people = Enumerable.Range(0, options.People).Select(_ => SyntheticPerson.Create(options.Tastes, world)).ToArray();
        var models = people.Select(_ => LinearModelState.Create(d, ridge)).ToArray();
        var statistics = PopulationStatistics.Create(d);
        for (var step = 0; step < options.Steps; step++)
        {
            var p = world.Next(people.Length);
            var request = SyntheticRequest.Draw(world, k, interactions: true);
            var chosen = policy.Choose(request.Vectors, models[p], choices).ChosenIndex;
            var x = request.Vectors[chosen];
            var reward = world.NextDouble() < people[p].DoneProbability(x, request.Topics[chosen], request.Hour) ? 1.0 : 0.0;
            policy.Update(models[p], x, reward);
            statistics.Add(x, reward);
            if (progress is not null && step % Math.Max(1, options.Steps / 50) == 0)
            {
                progress.Report(0.5 * step / options.Steps);
            }
        }

        var prior = statistics.SolveMean(ridge);
        var pooled = PooledModel(statistics, ridge);
        var expected = new double[Arms.Count];
        var realised = new double[Arms.Count];
        var probabilities = new double[k];
        var noise = new double[k];
        for (var n = 0; n < options.NewPeople; n++)
        {
            var person = SyntheticPerson.Create(options.Tastes, world);
            var own = LinearModelState.Create(d, ridge);
            var ownWithPrior = LinearModelState.Create(d, ridge);
            var shared = Copy(pooled);
            for (var tip = 0; tip < options.FirstTips; tip++)
            {
                var request = SyntheticRequest.Draw(world, k, interactions: true);
                for (var c = 0; c < k; c++)
                {
                    probabilities[c] = person.DoneProbability(request.Vectors[c], request.Topics[c], request.Hour);
                    noise[c] = world.NextDouble();
                }

                int[] chosen =
                [
                    random.Choose(request.Vectors, own, choices).ChosenIndex,
                    policy.Choose(request.Vectors, own, choices).ChosenIndex,
                    policy.Choose(request.Vectors, ownWithPrior.WithPriorMean(prior, ridge), choices).ChosenIndex,
                    policy.Choose(request.Vectors, shared, choices).ChosenIndex,
                ];
                LinearModelState[] learners = [own, own, ownWithPrior, shared];
                for (var arm = 0; arm < chosen.Length; arm++)
                {
                    var c = chosen[arm];
                    var reward = noise[c] < probabilities[c] ? 1.0 : 0.0;
                    expected[arm] += probabilities[c];
                    realised[arm] += reward;

                    // Random and per-user share one model object only for choosing; per-user alone learns from it.
                    if (arm != 0)
                    {
                        policy.Update(learners[arm], request.Vectors[c], reward);
                    }
                }
            }

            if (progress is not null && n % Math.Max(1, options.NewPeople / 50) == 0)
            {
                progress.Report(0.5 + (0.5 * n / options.NewPeople));
            }
        }

        progress?.Report(1.0);
        var tips = options.NewPeople * options.FirstTips;
        return Arms.Select((arm, i) => new PopulationArmResult(arm, expected[i] / tips, realised[i] / tips, tips)).ToArray();
    }

    /// <summary>One model of everyone's statistics: A⁻¹ = (λI + Σxxᵀ)⁻¹, B = Σrx.</summary>
    private static LinearModelState PooledModel(PopulationStatistics statistics, double ridge)
    {
        var d = statistics.Dimension;
        var a = Matrix<double>.Build.Dense(d, d);
        var p = 0;
        for (var i = 0; i < d; i++)
        {
            for (var j = i; j < d; j++)
            {
                a[i, j] = statistics.XtX[p];
                a[j, i] = statistics.XtX[p];
                p++;
            }

            a[i, i] += ridge;
        }

        return LinearModelState.FromInverse(d, a.Inverse().ToRowMajorArray(), statistics.Xty, statistics.Count);
    }

    private static LinearModelState Copy(LinearModelState model) => new()
    {
        Dimension = model.Dimension,
        PackedInverse = (double[])model.PackedInverse.Clone(),
        B = (double[])model.B.Clone(),
        Updates = model.Updates,
    };
}
