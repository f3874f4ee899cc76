using OO.Grains.Interfaces.Learning;
using OO.Grains.Population;
using OO.Grains.Tests.Infrastructure;

namespace OO.Grains.Tests;

/// <summary>Issue 10, item 4: with <c>OO:Learning:Population:Enabled=false</c> nothing is pooled and nobody starts from a prior.</summary>
public sealed class PopulationOffTests(PopulationOffCluster cluster) : IClassFixture<PopulationOffCluster>
{
    [Fact]
    public async Task With_the_prior_off_rewards_are_not_pooled_and_a_new_persons_first_choice_owes_nothing_to_others()
    {
        var addedAt = cluster.Clock.GetUtcNow().AddDays(-2);
        var taught = await Teachers.TeachAsync(cluster, people: 4, addedAt);
        Assert.True(taught >= 10, $"The teachers gave only {taught} rewards.");
        // Several send-and-refresh rounds of the background loop.
        await cluster.Advance(PopulationCluster.Interval * 3);

        Assert.Null(cluster.Silo<PopulationContributions>().Take());
        Assert.Equal(0, (await cluster.Grains.GetGrain<IPopulationGrain>(IPopulationGrain.Key).GetStatistics()).Count);
        Assert.Null(cluster.Silo<PopulationPriorCache>().Mean);

        var newcomer = await Teachers.NewUserWithTwoTasksAsync(cluster, addedAt);
        Assert.NotNull(await newcomer.GetTip());
        var (normal, urgent) = Teachers.FirstScores(cluster, newcomer);
        Assert.True(normal <= urgent, $"Without a prior nothing should lift the normal task above the urgent one: {normal} vs {urgent}.");
    }
}
