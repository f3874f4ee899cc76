using OO.Learning.Simulation;

namespace OO.Learning.Tests.Simulation;

public sealed class PopulationSimulatorTests
{
    private static Dictionary<string, PopulationArmResult> Run(SimulationTastes tastes) =>
        PopulationSimulator.Run(new PopulationSimulationOptions { Tastes = tastes, People = 30, Steps = 3000, NewPeople = 300 }).ToDictionary(a => a.Arm);

    [Theory]
    [InlineData(SimulationTastes.MeaningTime)]
    [InlineData(SimulationTastes.PriorityDue)]
    public void New_peoples_first_three_tips_beat_random_by_half_with_the_population_prior_and_not_without(SimulationTastes tastes)
    {
        var arms = Run(tastes);
        var random = arms["random"].ExpectedReward;

        Assert.True(arms["population-prior"].ExpectedReward >= 1.5 * random, $"prior {arms["population-prior"].ExpectedReward:F4} vs random {random:F4}");
        Assert.True(arms["per-user"].ExpectedReward < 1.3 * random, $"per-user alone {arms["per-user"].ExpectedReward:F4} vs random {random:F4}");
        Assert.Equal(900, arms["random"].Tips);
    }

    [Fact]
    public void Unusable_population_scenarios_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationSimulator.Run(new PopulationSimulationOptions { Policy = "greedy" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationSimulator.Run(new PopulationSimulationOptions { FirstTips = 0 }));
    }
}
