namespace OO.Learning.Evaluation;

/// <summary>A point estimate with a 95% confidence interval, and how many events it rests on.</summary>
public sealed record IntervalEstimate(double Estimate, double CiLow, double CiHigh, int Count)
{
    /// <summary>z for a two-sided 95% normal interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>No events: the estimate is undefined.</summary>
    public static IntervalEstimate Undefined { get; } = new(double.NaN, double.NaN, double.NaN, 0);

    /// <summary>Sample mean ± z·s/√n (normal approximation, s the sample standard deviation).</summary>
    public static IntervalEstimate OfMean(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n == 0)
        {
            return Undefined;
        }

        var mean = values.Average();
        var variance = n > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (n - 1) : 0.0;
        var half = Z95 * Math.Sqrt(variance / n);
        return new IntervalEstimate(mean, mean - half, mean + half, n);
    }
}
