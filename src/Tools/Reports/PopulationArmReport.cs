namespace OO.Tools.Reports;

/// <summary>One way of serving new people, and its ratio to random's expected reward.</summary>
internal sealed record PopulationArmReport(string Arm, double ExpectedReward, double RealisedReward, double VersusRandom);
