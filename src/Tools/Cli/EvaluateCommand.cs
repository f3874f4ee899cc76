using System.CommandLine;
using OO.Learning.Data;
using OO.Learning.Evaluation;
using OO.Tools.Data;
using OO.Tools.Reports;

namespace OO.Tools.Cli;

/// <summary>`evaluate`: replay, IPS and SNIPS of target policies on a logged data set.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var common = new CommonOptions();
        var format = new Option<string>("--format") { Description = "obd (Open Bandit Dataset CSVs) or oo (oO's explainability log in a database).", Required = true };
        format.AcceptOnlyFromAmong("obd", "oo");
        var data = new Option<FileInfo>("--data") { Description = "obd: the main CSV (timestamp,item_id,position,click,propensity_score,user_feature_*,user-item_affinity_*)." };
        var itemContext = new Option<FileInfo>("--item-context") { Description = "obd: item_context.csv (item_id,item_feature_*)." };
        var hashBuckets = new Option<int>("--hash-buckets") { Description = "obd: buckets for hashed categorical values.", DefaultValueFactory = _ => new ObdOptions().HashBuckets };
        var maxEvents = new Option<int?>("--max-events") { Description = "Read at most this many events." };
        var connection = new Option<string>("--connection") { Description = "oo: ADO.NET connection string, e.g. \"Data Source=data/oo.db\"." };
        var provider = new Option<string>("--provider") { Description = "oo: sqlite or postgres.", DefaultValueFactory = _ => OoLogReader.Sqlite };
        provider.AcceptOnlyFromAmong(OoLogReader.Sqlite, OoLogReader.Postgres);
        var layout = new Option<string>("--feature-layout")
        {
            Description = "oo: which logged feature layout to read: current (oO's, by feature names) or first (the one the first usable entry names, e.g. layout 1).",
            DefaultValueFactory = _ => OoLogReader.CurrentLayout,
        };
        layout.AcceptOnlyFromAmong(OoLogReader.CurrentLayout, OoLogReader.FirstLayout);
        var command = new Command("evaluate", "Estimate target policies' mean reward offline (replay, IPS, SNIPS with 95% CIs) from a log.");
        command.Options.Add(format);
        command.Options.Add(data);
        command.Options.Add(itemContext);
        command.Options.Add(hashBuckets);
        command.Options.Add(maxEvents);
        command.Options.Add(connection);
        command.Options.Add(provider);
        command.Options.Add(layout);
        common.AddTo(command);
        command.SetAction(result => ToolsCli.Guard(error, () =>
        {
            var policies = common.CreatePolicies(result);
            var selected = result.GetRequiredValue(format);
            if (result.GetValue(maxEvents) is < 1)
            {
                throw new UsageException("--max-events must be at least 1.");
            }

            var (log, featureNames) = selected switch
            {
                "obd" => (LoadObd(result.GetValue(data), result.GetValue(itemContext), result.GetValue(hashBuckets), result.GetValue(maxEvents)), null),
                _ => OoLogReader.Load(
                    result.GetValue(provider) ?? OoLogReader.Sqlite,
                    result.GetValue(connection) is { Length: > 0 } cs ? cs : throw new UsageException("--format oo needs --connection."),
                    result.GetValue(maxEvents),
                    result.GetValue(layout) ?? OoLogReader.CurrentLayout),
            };
            if (log.Events.Count == 0)
            {
                var hint = log.Skipped.ContainsKey("other_feature_layout")
                    ? " The log's entries were written under another feature layout; --feature-layout first reads the first one it finds."
                    : string.Empty;
                throw new UsageException($"The log has no usable events (skipped: {Describe(log.Skipped)}).{hint}");
            }

            var seed = result.GetValue(common.Seed);
            var evaluations = new List<EvaluatePolicyReport>();
            foreach (var policy in policies)
            {
                var e = OfflineEvaluator.Evaluate(log.Events, log.Dimension, policy, seed, progress: new StderrProgress(error, $"evaluate {policy.Name}"));
                evaluations.Add(new EvaluatePolicyReport(e.Policy, ReplayReport.From(e.Replay), EstimateReport.From(e.Ips), EstimateReport.From(e.Snips)));
            }

            var logged = OfflineEvaluator.LoggedMean(log.Events);
            var report = new EvaluateReport("evaluate", selected, log.Events.Count, log.Dimension, featureNames, log.Skipped, EstimateReport.Finite(logged.Estimate), EstimateReport.From(logged), evaluations);
            if (result.GetValue(common.Json))
            {
                output.WriteLine(ReportJson.Serialize(report));
                return;
            }

            output.WriteLine($"evaluate ({selected}): {report.Events} events, d = {report.Dimension}, skipped: {Describe(log.Skipped)}");
            output.WriteLine($"logging policy's observed mean reward: {Format(report.LoggedMeanInterval)}");
            foreach (var p in evaluations)
            {
                output.WriteLine($"{p.Name,-16} replay {Format(p.Replay.Estimate, p.Replay.CiLow, p.Replay.CiHigh)} ({p.Replay.Matched} matched)  ips {Format(p.Ips)}  snips {Format(p.Snips)}");
            }
        }));
        return command;
    }

    private static LoggedDataset LoadObd(FileInfo? data, FileInfo? itemContext, int hashBuckets, int? maxEvents)
    {
        if (data is null || itemContext is null)
        {
            throw new UsageException("--format obd needs --data and --item-context.");
        }

        foreach (var file in new[] { data, itemContext })
        {
            if (!file.Exists)
            {
                throw new UsageException($"File not found: {file.FullName}");
            }
        }

        if (hashBuckets < 1)
        {
            throw new UsageException("--hash-buckets must be at least 1.");
        }

        try
        {
            return ObdReader.Load(data.FullName, itemContext.FullName, new ObdOptions { HashBuckets = hashBuckets, MaxEvents = maxEvents }).Log;
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static string Describe(IReadOnlyDictionary<string, int> skipped) =>
        skipped.Count == 0 ? "none" : string.Join(", ", skipped.Select(s => $"{s.Value} {s.Key}"));

    private static string Format(EstimateReport e) => Format(e.Estimate, e.CiLow, e.CiHigh);

    private static string Format(double? estimate, double? low, double? high) =>
        estimate is { } v ? $"{v:F4} [{low:F4}, {high:F4}]" : "n/a";
}
