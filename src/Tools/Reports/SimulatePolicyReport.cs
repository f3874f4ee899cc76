namespace OO.Tools.Reports;

/// <summary>One policy's simulated outcome.</summary>
internal sealed record SimulatePolicyReport(string Name, double CumulativeReward, double Regret, double MeanReward);
