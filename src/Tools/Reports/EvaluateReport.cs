namespace OO.Tools.Reports;

/// <summary>The one JSON object `evaluate --json` prints.</summary>
internal sealed record EvaluateReport(
    string Command,
    string Format,
    int Events,
    int Dimension,
    IReadOnlyList<string>? FeatureNames,
    IReadOnlyDictionary<string, int> Skipped,
    double? LoggedMean,
    EstimateReport LoggedMeanInterval,
    IReadOnlyList<EvaluatePolicyReport> Policies);
