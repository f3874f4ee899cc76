namespace OO.Tools.Reports;

/// <summary>The population scenario's arms for one learning policy.</summary>
internal sealed record PopulationPolicyReport(string Policy, IReadOnlyList<PopulationArmReport> Arms);
