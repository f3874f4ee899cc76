using OO.Learning.Evaluation;

namespace OO.Tools.Reports;

/// <summary>An estimate with its 95% CI; null where the estimate is undefined (no events), since JSON has no NaN.</summary>
internal sealed record EstimateReport(double? Estimate, double? CiLow, double? CiHigh)
{
    public static EstimateReport From(IntervalEstimate e) => new(Finite(e.Estimate), Finite(e.CiLow), Finite(e.CiHigh));

    internal static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
