using OO.Learning.Policies;
using OO.Learning.Simulation;

namespace OO.Learning.Tests.Simulation;

public sealed class SimulatorTests
{
    private static IReadOnlyList<PolicySimulationResult> RunAll(SimulationOptions options) =>
        Simulator.Run(PolicyFactory.Names.Select(n => PolicyFactory.Create(n)).ToArray(), options);

    private static double Ratio(SimulationOptions options, string policy = LinUcbPolicy.PolicyName)
    {
        var results = Simulator.Run([new RandomPolicy(), PolicyFactory.Create(policy, options.Policy)], options);
        return results[1].CumulativeReward / results[0].CumulativeReward;
    }

    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    public void The_default_policy_earns_at_least_1_6_times_random_when_tastes_depend_on_meaning_and_hour(int seed)
    {
        var ratio = Ratio(new SimulationOptions { Seed = seed, Tastes = SimulationTastes.MeaningTime });

        Assert.True(ratio >= 1.6, $"linucb / random = {ratio:F3}");
    }

    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    public void The_default_policy_earns_at_least_1_3_times_random_when_tastes_depend_on_priority_and_due(int seed)
    {
        var ratio = Ratio(new SimulationOptions { Seed = seed, Tastes = SimulationTastes.PriorityDue });

        Assert.True(ratio >= 1.3, $"linucb / random = {ratio:F3}");
    }

    [Fact]
    public void Without_the_meaning_by_hour_features_the_same_people_are_served_clearly_worse()
    {
        var with = Ratio(new SimulationOptions());
        var without = Ratio(new SimulationOptions { Interactions = false });

        Assert.True(without < 1.4 && with - without > 0.3, $"with interactions {with:F3}, without {without:F3}");
    }

    [Fact]
    public void Hybrid_linucb_on_the_same_stream_is_level_with_per_person_models_over_the_prior()
    {
        var results = Simulator.Run([new RandomPolicy(), new LinUcbPolicy()], new SimulationOptions { Hybrid = true });

        Assert.Equal(["random", "linucb", "hybrid-linucb"], results.Select(r => r.Policy));
        var linUcb = results[1].CumulativeReward / results[0].CumulativeReward;
        var hybrid = results[2].CumulativeReward / results[0].CumulativeReward;
        Assert.True(hybrid >= 1.6 && Math.Abs(hybrid - linUcb) < 0.1, $"hybrid {hybrid:F3}, linucb over the prior {linUcb:F3}");
    }

    [Fact]
    public void Every_learning_policy_clearly_beats_random_on_the_default_scenario()
    {
        var results = RunAll(new SimulationOptions()).ToDictionary(r => r.Policy);
        var random = results["random"];

        foreach (var name in new[] { "linucb", "thompson", "epsilon-greedy" })
        {
            Assert.True(results[name].CumulativeReward > random.CumulativeReward * 1.5, $"{name}: {results[name].CumulativeReward} vs random {random.CumulativeReward}");
            Assert.True(results[name].Regret < random.Regret * 0.5, $"{name}: regret {results[name].Regret} vs random {random.Regret}");
        }
    }

    [Fact]
    public void The_same_seed_reproduces_the_same_numbers_and_policies_do_not_disturb_each_other()
    {
        var options = new SimulationOptions { Steps = 1500 };
        var all = RunAll(options);
        var linUcbAlone = Simulator.Run([new LinUcbPolicy()], options).Single();

        Assert.Equal(all, RunAll(options));
        Assert.Equal(all.Single(r => r.Policy == "linucb"), linUcbAlone);
    }
}
