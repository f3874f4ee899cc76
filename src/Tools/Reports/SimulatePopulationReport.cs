namespace OO.Tools.Reports;

/// <summary>The one JSON object `simulate --population --json` prints.</summary>
internal sealed record SimulatePopulationReport(
    string Command,
    string Scenario,
    string Tastes,
    int People,
    int Steps,
    int NewPeople,
    int FirstTips,
    int Candidates,
    int Seed,
    IReadOnlyList<PopulationPolicyReport> Policies);
