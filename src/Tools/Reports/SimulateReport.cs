namespace OO.Tools.Reports;

/// <summary>The one JSON object `simulate --json` prints.</summary>
internal sealed record SimulateReport(
    string Command,
    int Steps,
    int Seed,
    int Candidates,
    int Users,
    string Tastes,
    bool Interactions,
    bool PopulationPrior,
    IReadOnlyList<SimulatePolicyReport> Policies);
