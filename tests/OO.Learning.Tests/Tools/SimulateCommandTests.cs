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
