using OO.Learning.Policies;
using OO.Learning.Simulation;

namespace OO.Learning.Tests.Simulation;

public sealed class SimulatorTests
{
    private static IReadOnlyList<PolicySimulationResult> RunDefault() =>
        Simulator.Run(PolicyFactory.Names.Select(n => PolicyFactory.Create(n)).ToArray(), new SimulationOptions());

    [Fact]
    public void LinUcb_and_Thompson_clearly_beat_random_on_the_default_scenario()
    {
        var results = RunDefault().ToDictionary(r => r.Policy);
        var random = results["random"];

        foreach (var name in new[] { "linucb", "thompson", "epsilon-greedy" })
        {
            Assert.True(results[name].CumulativeReward > random.CumulativeReward * 1.25, $"{name}: {results[name].CumulativeReward} vs random {random.CumulativeReward}");
            Assert.True(results[name].Regret < random.Regret * 0.5, $"{name}: regret {results[name].Regret} vs random {random.Regret}");
        }
    }

    [Fact]
    public void The_same_seed_reproduces_the_same_numbers_and_policies_do_not_disturb_each_other()
    {
        var all = RunDefault();
        var linUcbAlone = Simulator.Run([new LinUcbPolicy()], new SimulationOptions()).Single();

        Assert.Equal(all, RunDefault());
        Assert.Equal(all.Single(r => r.Policy == "linucb"), linUcbAlone);
    }
}
