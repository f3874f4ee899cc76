using MathNet.Numerics.Distributions;
using OO.Learning.Features;
using OO.Learning.Policies;

namespace OO.Learning.Simulation;

/// <summary>
/// Seeded synthetic users for comparing policies. Each user has hidden preferences w over oO's real feature
/// vector (built by <see cref="FeatureVectorBuilder"/> from random tasks, times of day and a profile); a shown
/// candidate is "done" (reward 1) with probability σ(w·x), else 0. Every policy sees the identical stream of
/// users, candidates and reward noise (the uniform draw that decides each candidate's Bernoulli outcome is made
/// once per request and shared), and each policy has its own seeded <see cref="Random"/> and one model per user.
/// Time-of-day and profile terms shift every candidate of a request alike, so they change how much reward is
/// available, not which candidate is best.
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
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var users = Enumerable.Range(0, options.Users).Select(_ => SimulatedUser.Create(world, start)).ToArray();
        var dimension = FeatureRegistry.Dimension;
        var states = policies.Select(_ => users.Select(_ => LinearModelState.Create(dimension, options.Policy.Ridge)).ToArray()).ToArray();
        var randoms = policies.Select(_ => new Random(options.Seed + 1)).ToArray();
        var rewards = new double[policies.Count];
        var regrets = new double[policies.Count];
        var k = options.Candidates;
        var probabilities = new double[k];
        var noise = new double[k];
        var reportEvery = Math.Max(1, options.Steps / 100);
        for (var step = 0; step < options.Steps; step++)
        {
            var userIndex = world.Next(users.Length);
            var user = users[userIndex];
            var now = start.AddMinutes(world.Next(0, 28 * 24 * 60));
            var context = new RequestContext(now, TimeZoneInfo.Utc);
            var contexts = new double[k][];
            var best = 0.0;
            for (var c = 0; c < k; c++)
            {
                contexts[c] = FeatureVectorBuilder.BuildValues(RandomTask(world, now), context, user.Profile);
                probabilities[c] = user.ClickProbability(contexts[c]);
                noise[c] = world.NextDouble();
                best = Math.Max(best, probabilities[c]);
            }

            for (var p = 0; p < policies.Count; p++)
            {
                var state = states[p][userIndex];
                var chosen = policies[p].Choose(contexts, state, randoms[p]).ChosenIndex;
                var reward = noise[chosen] < probabilities[chosen] ? 1.0 : 0.0;
                policies[p].Update(state, contexts[chosen], reward);
                rewards[p] += reward;
                regrets[p] += best - probabilities[chosen];
            }

            if (progress is not null && step % reportEvery == 0)
            {
                progress.Report((double)step / options.Steps);
            }
        }

        progress?.Report(1.0);
        return policies.Select((policy, p) => new PolicySimulationResult(policy.Name, rewards[p], regrets[p], options.Steps)).ToArray();
    }

    private static TaskFacts RandomTask(Random random, DateTimeOffset now)
    {
        var added = now.AddHours(-random.NextDouble() * 24 * 45);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        DateOnly? dueDate = null;
        DateTimeOffset? dueAt = null;
        switch (random.Next(4))
        {
            case 0:
                dueDate = today.AddDays(random.Next(-3, 4));
                break;
            case 1:
                dueAt = now.AddHours((random.NextDouble() * 96) - 48);
                break;
        }

        return new TaskFacts(dueDate, dueAt, added, random.Next(1, 5), random.NextDouble() < 0.2);
    }

    private sealed class SimulatedUser
    {
        private readonly double[] _weights;

        private SimulatedUser(double[] weights, UserProfile profile)
        {
            _weights = weights;
            Profile = profile;
        }

        public UserProfile Profile { get; }

        public static SimulatedUser Create(Random random, DateTimeOffset start)
        {
            var definitions = FeatureRegistry.Definitions;
            var weights = new double[definitions.Count];
            for (var i = 0; i < weights.Length; i++)
            {
                // Candidate preferences are strong and differ per user; the rest only moves the base rate.
                weights[i] = definitions[i].Scope switch
                {
                    FeatureScope.Bias => -1.5,
                    FeatureScope.Candidate => Gaussian(random) * 1.5,
                    FeatureScope.Context => Gaussian(random) * 0.5,
                    _ => Gaussian(random) * 0.3,
                };
            }

            var reactions = new[] { Reactions.Done, Reactions.Snooze, Reactions.Dismiss };
            var history = Enumerable.Range(0, 30)
                .Select(i => new ReactionFact(start.AddHours(-i * 7.3), reactions[random.Next(3)], random.Next(5_000, 300_000)))
                .ToArray();
            return new SimulatedUser(weights, UserProfileBuilder.Build(history, start, TimeZoneInfo.Utc));
        }

        public double ClickProbability(double[] x)
        {
            var logit = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                logit += _weights[i] * x[i];
            }

            return 1.0 / (1.0 + Math.Exp(-logit));
        }

        private static double Gaussian(Random random) => Normal.Sample(random, 0.0, 1.0);
    }
}
