namespace OO.Learning.Tests.Tools;

public sealed class SimulateCommandTests
{
    [Fact]
    public void Simulate_json_is_one_object_with_a_figure_per_policy()
    {
        var json = CliRunner.Json("simulate", "--policies", "random,linucb,thompson", "--steps", "600", "--seed", "3", "--json");

        var policies = json.GetProperty("policies").EnumerateArray().ToArray();
        Assert.Equal(["random", "linucb", "thompson"], policies.Select(p => p.GetProperty("name").GetString()));
        Assert.All(policies, p =>
        {
            Assert.InRange(p.GetProperty("cumulativeReward").GetDouble(), 0, 600);
            // Rewards are 0 or 1, so regret against the best arm is between 0 and the number of steps.
            Assert.InRange(p.GetProperty("regret").GetDouble(), 0, 600);
        });
        // Choosing at random forgoes reward on most steps.
        Assert.True(policies[0].GetProperty("regret").GetDouble() > 0);
        Assert.Equal(600, json.GetProperty("steps").GetInt32());
    }

    [Fact]
    public void Simulate_names_the_scenario_it_ran_and_the_interactions_are_worth_reward()
    {
        var with = CliRunner.Json("simulate", "--policies", "random,linucb", "--steps", "3000", "--json");
        var without = CliRunner.Json("simulate", "--policies", "random,linucb", "--steps", "3000", "--no-interactions", "--no-population-prior", "--json");
        var priorityDue = CliRunner.Json("simulate", "--policies", "linucb", "--steps", "300", "--tastes", "priority-due", "--json");

        Assert.Equal("meaning-time", with.GetProperty("tastes").GetString());
        Assert.True(with.GetProperty("interactions").GetBoolean() && with.GetProperty("populationPrior").GetBoolean());
        Assert.False(without.GetProperty("interactions").GetBoolean() || without.GetProperty("populationPrior").GetBoolean());
        Assert.Equal("priority-due", priorityDue.GetProperty("tastes").GetString());
        double LinUcb(System.Text.Json.JsonElement json) => json.GetProperty("policies")[1].GetProperty("cumulativeReward").GetDouble();
        Assert.True(LinUcb(with) > LinUcb(without), $"{LinUcb(with)} vs {LinUcb(without)}");
    }

    [Fact]
    public void Simulate_population_scores_new_peoples_first_tips_four_ways_per_learning_policy()
    {
        var json = CliRunner.Json("simulate", "--population", "--policies", "random,linucb", "--people", "20", "--steps", "1500", "--new-people", "150", "--json");

        Assert.Equal("population", json.GetProperty("scenario").GetString());
        var policy = Assert.Single(json.GetProperty("policies").EnumerateArray());
        Assert.Equal("linucb", policy.GetProperty("policy").GetString());
        var arms = policy.GetProperty("arms").EnumerateArray().ToDictionary(a => a.GetProperty("arm").GetString()!);
        Assert.Equal(["random", "per-user", "population-prior", "pooled"], arms.Keys);
        Assert.Equal(1.0, arms["random"].GetProperty("versusRandom").GetDouble(), 12);
        Assert.True(arms["population-prior"].GetProperty("versusRandom").GetDouble() > 1.3);
    }

    [Fact]
    public void Progress_goes_to_stderr_and_never_into_the_json()
    {
        var (code, output, error) = CliRunner.Run("simulate", "--policies", "random", "--steps", "200", "--json");

        Assert.Equal(0, code);
        Assert.StartsWith("{", output.TrimStart());
        Assert.Contains("simulate: 100%", error);
    }

    [Theory]
    [InlineData("simulate", "--policies", "random,greedy")]
    [InlineData("simulate", "--steps", "0")]
    [InlineData("simulate", "--steps", "many")]
    [InlineData("simulate", "--epsilon", "0")]
    [InlineData("simulate", "--tastes", "astrology")]
    [InlineData("simulate", "--population", "--policies", "random")]
    [InlineData("simulate", "--population", "--new-people", "0")]
    [InlineData("simulate", "--ridge", "0")]
    [InlineData("frobnicate")]
    public void Bad_arguments_fail_with_a_message_on_stderr(params string[] args)
    {
        var (code, _, error) = CliRunner.Run(args);

        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("evaluate")]
    public void Every_verb_has_help(string verb)
    {
        var (code, output, _) = CliRunner.Run(verb, "--help");

        Assert.Equal(0, code);
        Assert.Contains("--policies", output);
        Assert.Contains("--json", output);
    }
}
