using OO.Learning.Policies;

namespace OO.Learning.Tests.Policies;

public sealed class PropensityTests
{
    public static TheoryData<string> AllPolicies => new(PolicyFactory.Names);

    [Theory]
    [MemberData(nameof(AllPolicies))]
    public void Propensities_are_positive_and_sum_to_one_on_cold_and_trained_models(string name)
    {
        var policy = PolicyFactory.Create(name);
        var state = LinearModelState.Create(6);
        var random = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            var candidates = PolicyTestData.Candidates(8, 6, round);
            var decision = policy.Choose(candidates, state, random);

            Assert.Equal(name, decision.Policy);
            Assert.InRange(decision.ChosenIndex, 0, 7);
            Assert.All(decision.Probabilities, p => Assert.True(p > 0 && p <= 1, $"probability {p}"));
            Assert.Equal(1.0, decision.Probabilities.Sum(), 9);
            Assert.Equal(decision.Probabilities[decision.ChosenIndex], decision.Propensity);
            Assert.Equal(8, decision.Scores.Length);
            policy.Update(state, candidates[decision.ChosenIndex], candidates[decision.ChosenIndex][1] > 0.5 ? 1.0 : 0.0);
        }
    }

    [Theory]
    [InlineData("linucb")]
    [InlineData("thompson")]
    [InlineData("epsilon-greedy")]
    public void Every_candidate_keeps_at_least_the_exploration_share(string name)
    {
        var options = new PolicyOptions { ExplorationFloor = 0.05, Epsilon = 0.10 };
        var policy = PolicyFactory.Create(name, options);
        var state = LinearModelState.Create(3);
        var candidates = new[] { new[] { 1.0, 1.0, 0.0 }, new[] { 1.0, 0.0, 1.0 }, new[] { 1.0, 0.0, 0.0 }, new[] { 1.0, 0.5, 0.5 } };
        for (var n = 0; n < 400; n++)
        {
            policy.Update(state, candidates[0], 1.0);
            policy.Update(state, candidates[2], -0.5);
        }

        var decision = policy.Choose(candidates, state, new Random(1));
        var share = (name == "epsilon-greedy" ? options.Epsilon : options.ExplorationFloor) / candidates.Length;
        Assert.All(decision.Probabilities, p => Assert.True(p >= share - 1e-12, $"probability {p} < {share}"));
        Assert.Equal(0, Array.IndexOf(decision.Probabilities, decision.Probabilities.Max()));
    }

    [Fact]
    public void A_greedy_tie_splits_the_greedy_mass_evenly()
    {
        var state = LinearModelState.Create(2);
        var identical = new[] { new[] { 1.0, 0.5 }, new[] { 1.0, 0.5 }, new[] { 1.0, 0.0 } };
        var decision = new EpsilonGreedyPolicy(new PolicyOptions { Epsilon = 0.1 }).Choose(identical, state, new Random(2));

        // Cold model: θ̂ = 0, so all three tie and each gets 0.1/3 + 0.9/3.
        Assert.All(decision.Probabilities, p => Assert.Equal(1.0 / 3, p, 12));
    }

    [Fact]
    public void The_same_seed_gives_the_same_decision()
    {
        var candidates = PolicyTestData.Candidates(20, 5, 4);
        var state = LinearModelState.Create(5);
        foreach (var name in PolicyFactory.Names)
        {
            var policy = PolicyFactory.Create(name);
            var first = policy.Choose(candidates, state, new Random(9));
            var second = policy.Choose(candidates, state, new Random(9));
            Assert.Equal(first.ChosenIndex, second.ChosenIndex);
            Assert.Equal(first.Probabilities, second.Probabilities);
        }
    }

    [Fact]
    public void Unknown_names_and_bad_options_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => PolicyFactory.Create("greedy"));
        Assert.Throws<ArgumentOutOfRangeException>(() => PolicyFactory.Create("linucb", new PolicyOptions { ExplorationFloor = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PolicyFactory.Create("epsilon-greedy", new PolicyOptions { Epsilon = 1.5 }));
        Assert.Throws<ArgumentException>(() => new LinUcbPolicy().Choose([], LinearModelState.Create(2), new Random(1)));
    }
}
