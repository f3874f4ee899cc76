using OO.Learning.Features;
using OO.Learning.Policies;
using OO.Learning.Population;

namespace OO.Learning.Simulation;

/// <summary>
/// Seeded synthetic people for comparing policies (<see cref="SyntheticPerson"/>, <see cref="SyntheticRequest"/>).
/// A shown candidate is "done" (reward 1) with the person's probability, else 0. Every policy sees the identical
/// stream of people, candidates and reward noise (the uniform draw that decides each candidate's outcome is made
/// once per request and shared), and each policy has its own seeded <see cref="Random"/> and one model per person.
/// With <see cref="SimulationOptions.PopulationPrior"/> each policy also pools its rewards over everyone and
/// chooses through the person's model viewed with that pooled mean as its prior.
/// </summary>
public static class Simulator
{
    /// <summary>Runs every policy over the same stream; results in the order given.</summary>
    public static IReadOnlyList<PolicySimulationResult> Run(
        IReadOnlyList<IBanditPolicy> policies,
        SimulationOptions options,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var world = new Random(options.Seed);
        var people = Enumerable.Range(0, options.Users).Select(_ => SyntheticPerson.Create(options.Tastes, world)).ToArray();
        var dimension = FeatureRegistry.Dimension;
        var states = policies.Select(_ => people.Select(_ => LinearModelState.Create(dimension, options.Policy.Ridge)).ToArray()).ToArray();
        var randoms = policies.Select(_ => new Random(options.Seed + 1)).ToArray();
        var pooled = policies.Select(_ => PopulationStatistics.Create(dimension)).ToArray();
        var priors = new double[policies.Count][];
        var hybrid = options.Hybrid
            ? new HybridLinUcb(dimension, people.Length, options.Policy.Alpha, options.Policy.Ridge, options.Policy.ExplorationFloor)
            : null;
        var hybridRandom = new Random(options.Seed + 1);
        var rewards = new double[policies.Count + 1];
        var regrets = new double[policies.Count + 1];
        var k = options.Candidates;
        var probabilities = new double[k];
        var noise = new double[k];
        var reportEvery = Math.Max(1, options.Steps / 100);
        for (var step = 0; step < options.Steps; step++)
        {
            var personIndex = world.Next(people.Length);
            var person = people[personIndex];
            var request = SyntheticRequest.Draw(world, k, options.Interactions);
            var best = 0.0;
            for (var c = 0; c < k; c++)
            {
                probabilities[c] = person.DoneProbability(request.Vectors[c], request.Topics[c], request.Hour);
                noise[c] = world.NextDouble();
                best = Math.Max(best, probabilities[c]);
            }

            for (var p = 0; p < policies.Count; p++)
            {
                if (options.PopulationPrior && step % options.PriorRefreshSteps == 0 && pooled[p].Count > 0)
                {
                    priors[p] = pooled[p].SolveMean(options.Policy.Ridge);
                }

                var state = states[p][personIndex];
                var view = priors[p] is { } prior ? state.WithPriorMean(prior, options.Policy.Ridge) : state;
                var chosen = policies[p].Choose(request.Vectors, view, randoms[p]).ChosenIndex;
                var reward = noise[chosen] < probabilities[chosen] ? 1.0 : 0.0;
                policies[p].Update(state, request.Vectors[chosen], reward);
                if (options.PopulationPrior)
                {
                    pooled[p].Add(request.Vectors[chosen], reward);
                }

                rewards[p] += reward;
                regrets[p] += best - probabilities[chosen];
            }

            if (hybrid is not null)
            {
                var chosen = hybrid.Choose(personIndex, request.Vectors, hybridRandom);
                var reward = noise[chosen] < probabilities[chosen] ? 1.0 : 0.0;
                hybrid.Update(personIndex, request.Vectors[chosen], reward);
                rewards[^1] += reward;
                regrets[^1] += best - probabilities[chosen];
            }

            if (progress is not null && step % reportEvery == 0)
            {
                progress.Report((double)step / options.Steps);
            }
        }

        progress?.Report(1.0);
        var results = policies.Select((policy, p) => new PolicySimulationResult(policy.Name, rewards[p], regrets[p], options.Steps)).ToList();
        if (hybrid is not null)
        {
            results.Add(new PolicySimulationResult(HybridLinUcb.Name, rewards[^1], regrets[^1], options.Steps));
        }

        return results;
    }
}
