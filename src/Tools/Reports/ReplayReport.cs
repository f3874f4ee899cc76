using OO.Learning.Evaluation;

namespace OO.Tools.Reports;

/// <summary>Replay's estimate, with how many logged events the target matched.</summary>
internal sealed record ReplayReport(double? Estimate, double? CiLow, double? CiHigh, int Matched)
{
    public static ReplayReport From(IntervalEstimate e) =>
        new(EstimateReport.Finite(e.Estimate), EstimateReport.Finite(e.CiLow), EstimateReport.Finite(e.CiHigh), e.Count);
}
