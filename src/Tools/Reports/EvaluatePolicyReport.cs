namespace OO.Tools.Reports;

/// <summary>One target policy's offline estimates.</summary>
internal sealed record EvaluatePolicyReport(string Name, ReplayReport Replay, EstimateReport Ips, EstimateReport Snips);
