using System.CommandLine;
using OO.Learning.Policies;

namespace OO.Tools.Cli;

/// <summary>Options both verbs take, and their parsing into Learning types.</summary>
internal sealed class CommonOptions
{
    public Option<string> Policies { get; } = new("--policies")
    {
        Description = $"Comma-separated policies: {string.Join(", ", PolicyFactory.Names)}.",
        DefaultValueFactory = _ => string.Join(",", PolicyFactory.Names),
    };

    public Option<int> Seed { get; } = new("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42 };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object on stdout (progress stays on stderr)." };

    public Option<double> Alpha { get; } = new("--alpha") { Description = "LinUCB's α.", DefaultValueFactory = _ => PolicyOptions.DefaultAlpha };

    public Option<double> Epsilon { get; } = new("--epsilon") { Description = "ε-greedy's ε.", DefaultValueFactory = _ => PolicyOptions.DefaultEpsilon };

    public Option<double> ExplorationFloor { get; } = new("--exploration-floor")
    {
        Description = "LinUCB's and Thompson's share of uniform exploration.",
        DefaultValueFactory = _ => PolicyOptions.DefaultExplorationFloor,
    };

    public Option<double> ThompsonScale { get; } = new("--thompson-scale")
    {
        Description = "Thompson's variance scale v (θ ~ N(θ̂, v²A⁻¹)).",
        DefaultValueFactory = _ => PolicyOptions.DefaultThompsonVarianceScale,
    };

    public Option<double> Ridge { get; } = new("--ridge")
    {
        Description = "λ of a new model's A = λI (also the population prior's λ).",
        DefaultValueFactory = _ => PolicyOptions.DefaultRidge,
    };

    public Option<int> ThompsonDraws { get; } = new("--thompson-draws")
    {
        Description = "Thompson's posterior draws per request (its propensity estimate).",
        DefaultValueFactory = _ => PolicyOptions.DefaultThompsonDraws,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Policies);
        command.Options.Add(Seed);
        command.Options.Add(Json);
        command.Options.Add(Alpha);
        command.Options.Add(Epsilon);
        command.Options.Add(ExplorationFloor);
        command.Options.Add(ThompsonScale);
        command.Options.Add(ThompsonDraws);
        command.Options.Add(Ridge);
    }

    public PolicyOptions CreatePolicyOptions(ParseResult result)
    {
        var options = new PolicyOptions
        {
            Alpha = result.GetValue(Alpha),
            Epsilon = result.GetValue(Epsilon),
            ExplorationFloor = result.GetValue(ExplorationFloor),
            ThompsonVarianceScale = result.GetValue(ThompsonScale),
            ThompsonDraws = result.GetValue(ThompsonDraws),
            Ridge = result.GetValue(Ridge),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException(e.Message);
        }

        return options;
    }

    public IReadOnlyList<IBanditPolicy> CreatePolicies(ParseResult result)
    {
        var options = CreatePolicyOptions(result);
        var names = (result.GetValue(Policies) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new UsageException($"--policies is empty; choose from {string.Join(", ", PolicyFactory.Names)}.");
        }

        var policies = new List<IBanditPolicy>();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!PolicyFactory.TryCreate(name, options, out var policy))
            {
                throw new UsageException($"Unknown policy '{name}' in --policies; choose from {string.Join(", ", PolicyFactory.Names)}.");
            }

            policies.Add(policy);
        }

        return policies;
    }
}
