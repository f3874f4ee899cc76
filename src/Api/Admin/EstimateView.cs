using OO.Learning.Evaluation;

namespace OO.Api.Admin;

/// <summary>An offline estimate of a policy's mean reward per tip with its 95% interval; null values when the log cannot say.</summary>
/// <param name="Count">Events it rests on (for replay: the matched ones).</param>
public sealed record EstimateView(double? Estimate, double? CiLow, double? CiHigh, int Count)
{
    public static EstimateView Of(IntervalEstimate estimate) =>
        new(Finite(estimate.Estimate), Finite(estimate.CiLow), Finite(estimate.CiHigh), estimate.Count);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
