using System.CommandLine;
using OO.Learning.Simulation;
using OO.Tools.Reports;

namespace OO.Tools.Cli;

/// <summary>`simulate`: every policy on the same synthetic request stream.</summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var defaults = new SimulationOptions();
        var common = new CommonOptions();
        var steps = new Option<int>("--steps") { Description = "Requests in total.", DefaultValueFactory = _ => defaults.Steps };
        var candidates = new Option<int>("--candidates") { Description = "Candidates per request (K).", DefaultValueFactory = _ => defaults.Candidates };
        var users = new Option<int>("--users") { Description = "Synthetic users, each with hidden preferences.", DefaultValueFactory = _ => defaults.Users };
        var command = new Command("simulate", "Compare policies on seeded synthetic users: cumulative reward and regret against the best candidate.");
        common.AddTo(command);
        command.Options.Add(steps);
        command.Options.Add(candidates);
        command.Options.Add(users);
        command.SetAction(result => ToolsCli.Guard(error, () =>
        {
            var options = new SimulationOptions
            {
                Steps = Positive(result.GetValue(steps), "--steps"),
                Candidates = Positive(result.GetValue(candidates), "--candidates"),
                Users = Positive(result.GetValue(users), "--users"),
                Seed = result.GetValue(common.Seed),
                Policy = common.CreatePolicyOptions(result),
            };
            var policies = common.CreatePolicies(result);
            var results = Simulator.Run(policies, options, new StderrProgress(error, "simulate"));
            var report = new SimulateReport(
                "simulate",
                options.Steps,
                options.Seed,
                options.Candidates,
                options.Users,
                results.Select(r => new SimulatePolicyReport(r.Policy, r.CumulativeReward, r.Regret, r.MeanReward)).ToArray());
            if (result.GetValue(common.Json))
            {
                output.WriteLine(ReportJson.Serialize(report));
            }
            else
            {
                output.WriteLine($"simulate: {options.Steps} steps, {options.Users} users, {options.Candidates} candidates, seed {options.Seed}");
                output.WriteLine($"{"policy",-16}{"reward",12}{"mean",10}{"regret",12}");
                foreach (var p in report.Policies)
                {
                    output.WriteLine($"{p.Name,-16}{p.CumulativeReward,12:F0}{p.MeanReward,10:F4}{p.Regret,12:F1}");
                }
            }
        }));
        return command;
    }

    private static int Positive(int value, string option) =>
        value >= 1 ? value : throw new UsageException($"{option} must be at least 1 (got {value}).");
}
