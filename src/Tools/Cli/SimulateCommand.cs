using System.CommandLine;
using OO.Learning.Policies;
using OO.Learning.Simulation;
using OO.Tools.Reports;

namespace OO.Tools.Cli;

/// <summary>`simulate`: every policy on the same synthetic request stream, or the population scenario.</summary>
internal static class SimulateCommand
{
    private const string MeaningTime = "meaning-time";
    private const string PriorityDue = "priority-due";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var defaults = new SimulationOptions();
        var population = new PopulationSimulationOptions();
        var common = new CommonOptions();
        var steps = new Option<int>("--steps") { Description = "Requests in total (in the population scenario: across the people who teach the prior).", DefaultValueFactory = _ => defaults.Steps };
        var candidates = new Option<int>("--candidates") { Description = "Candidates per request (K).", DefaultValueFactory = _ => defaults.Candidates };
        var users = new Option<int>("--users") { Description = "Synthetic users, each with hidden preferences.", DefaultValueFactory = _ => defaults.Users };
        var tastes = new Option<string>("--tastes")
        {
            Description = "What the synthetic people's choices depend on: meaning-time (topic × hour of day) or priority-due.",
            DefaultValueFactory = _ => MeaningTime,
        };
        tastes.AcceptOnlyFromAmong(MeaningTime, PriorityDue);
        var noInteractions = new Option<bool>("--no-interactions") { Description = "Zero the meaning × hour features (measures what they are worth)." };
        var noPrior = new Option<bool>("--no-population-prior") { Description = "Per-user learning alone: no pooled prior mean." };
        var hybrid = new Option<bool>("--hybrid") { Description = "Also run hybrid LinUCB (Li et al. 2010: shared + personal coefficients learned jointly) on the same stream." };
        var populationScenario = new Option<bool>("--population")
        {
            Description = "Run the population scenario: people who share tastes teach a prior, new people's first tips are scored four ways.",
        };
        var people = new Option<int>("--people") { Description = "Population scenario: people who teach the prior.", DefaultValueFactory = _ => population.People };
        var newPeople = new Option<int>("--new-people") { Description = "Population scenario: new people scored.", DefaultValueFactory = _ => population.NewPeople };
        var firstTips = new Option<int>("--first-tips") { Description = "Population scenario: tips scored per new person.", DefaultValueFactory = _ => population.FirstTips };
        var command = new Command("simulate", "Compare policies on seeded synthetic users: cumulative reward and regret against the best candidate.");
        common.AddTo(command);
        foreach (var option in new Option[] { steps, candidates, users, tastes, noInteractions, noPrior, hybrid, populationScenario, people, newPeople, firstTips })
        {
            command.Options.Add(option);
        }

        command.SetAction(result => ToolsCli.Guard(error, () =>
        {
            var selectedTastes = result.GetValue(tastes) == PriorityDue ? SimulationTastes.PriorityDue : SimulationTastes.MeaningTime;
            var tastesName = selectedTastes == SimulationTastes.PriorityDue ? PriorityDue : MeaningTime;
            if (result.GetValue(populationScenario))
            {
                RunPopulation(output, error, result, common, new PopulationSimulationOptions
                {
                    People = Positive(result.GetValue(people), "--people"),
                    Steps = Positive(result.GetValue(steps), "--steps"),
                    NewPeople = Positive(result.GetValue(newPeople), "--new-people"),
                    FirstTips = Positive(result.GetValue(firstTips), "--first-tips"),
                    Candidates = Positive(result.GetValue(candidates), "--candidates"),
                    Tastes = selectedTastes,
                    Seed = result.GetValue(common.Seed),
                    PolicyOptions = common.CreatePolicyOptions(result),
                }, tastesName);
                return;
            }

            var options = new SimulationOptions
            {
                Steps = Positive(result.GetValue(steps), "--steps"),
                Candidates = Positive(result.GetValue(candidates), "--candidates"),
                Users = Positive(result.GetValue(users), "--users"),
                Seed = result.GetValue(common.Seed),
                Policy = common.CreatePolicyOptions(result),
                Tastes = selectedTastes,
                Interactions = !result.GetValue(noInteractions),
                PopulationPrior = !result.GetValue(noPrior),
                Hybrid = result.GetValue(hybrid),
            };
            var policies = common.CreatePolicies(result);
            var results = Simulator.Run(policies, options, new StderrProgress(error, "simulate"));
            var report = new SimulateReport(
                "simulate",
                options.Steps,
                options.Seed,
                options.Candidates,
                options.Users,
                tastesName,
                options.Interactions,
                options.PopulationPrior,
                results.Select(r => new SimulatePolicyReport(r.Policy, r.CumulativeReward, r.Regret, r.MeanReward)).ToArray());
            if (result.GetValue(common.Json))
            {
                output.WriteLine(ReportJson.Serialize(report));
            }
            else
            {
                output.WriteLine($"simulate: {options.Steps} steps, {options.Users} users, {options.Candidates} candidates, tastes {tastesName}, interactions {(options.Interactions ? "on" : "off")}, population prior {(options.PopulationPrior ? "on" : "off")}, seed {options.Seed}");
                output.WriteLine($"{"policy",-16}{"reward",12}{"mean",10}{"regret",12}");
                foreach (var p in report.Policies)
                {
                    output.WriteLine($"{p.Name,-16}{p.CumulativeReward,12:F0}{p.MeanReward,10:F4}{p.Regret,12:F1}");
                }
            }
        }));
        return command;
    }

    private static void RunPopulation(TextWriter output, TextWriter error, ParseResult result, CommonOptions common, PopulationSimulationOptions options, string tastesName)
    {
        var reports = new List<PopulationPolicyReport>();
        foreach (var policy in common.CreatePolicies(result).Where(p => p.Name != RandomPolicy.PolicyName))
        {
            options.Policy = policy.Name;
            var arms = PopulationSimulator.Run(options, new StderrProgress(error, $"simulate --population {policy.Name}"));
            var random = arms.Single(a => a.Arm == "random").ExpectedReward;
            reports.Add(new PopulationPolicyReport(
                policy.Name, [.. arms.Select(a => new PopulationArmReport(a.Arm, a.ExpectedReward, a.RealisedReward, random > 0 ? a.ExpectedReward / random : 0))]));
        }

        if (reports.Count == 0)
        {
            throw new UsageException("--population needs at least one learning policy in --policies (random alone has nothing to transfer).");
        }

        var report = new SimulatePopulationReport(
            "simulate", "population", tastesName, options.People, options.Steps, options.NewPeople, options.FirstTips, options.Candidates, options.Seed, reports);
        if (result.GetValue(common.Json))
        {
            output.WriteLine(ReportJson.Serialize(report));
            return;
        }

        output.WriteLine($"simulate --population: {options.People} people over {options.Steps} steps teach the prior; {options.NewPeople} new people, first {options.FirstTips} tips, {options.Candidates} candidates, tastes {tastesName}, seed {options.Seed}");
        output.WriteLine($"{"policy",-16}{"arm",-18}{"expected",10}{"realised",10}{"× random",10}");
        foreach (var p in reports)
        {
            foreach (var a in p.Arms)
            {
                output.WriteLine($"{p.Policy,-16}{a.Arm,-18}{a.ExpectedReward,10:F4}{a.RealisedReward,10:F4}{a.VersusRandom,10:F2}");
            }
        }
    }

    private static int Positive(int value, string option) =>
        value >= 1 ? value : throw new UsageException($"{option} must be at least 1 (got {value}).");
}
