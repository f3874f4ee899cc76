namespace OO.Learning.Simulation;

/// <summary>
/// One synthetic person's hidden tastes: the probability they do a shown candidate. For
/// <see cref="SimulationTastes.MeaningTime"/> it is σ(base + like[t] + amp[t]·cos(2π(h − peak[t])/24)) for the
/// candidate's topic t at local hour h; for <see cref="SimulationTastes.PriorityDue"/> it is σ(w·x) over the
/// candidate's priority, due, age and kind features (vector positions 0–5).
/// </summary>
internal sealed class SyntheticPerson
{
    private const double BaseLogit = -1.5;
    private const double Amplitude = 1.6;
    private const double LikingSpread = 0.4;
    private const double PeakJitterHours = 1.5;
    private const double CandidateWeightSpread = 1.5;

    private readonly SimulationTastes _tastes;
    private readonly double[] _like;
    private readonly double[] _amplitude;
    private readonly double[] _peak;
    private readonly double[] _weights;

    private SyntheticPerson(SimulationTastes tastes, double[] like, double[] amplitude, double[] peak, double[] weights)
    {
        _tastes = tastes;
        _like = like;
        _amplitude = amplitude;
        _peak = peak;
        _weights = weights;
    }

    /// <summary>
    /// A person near the population's archetype (<see cref="SyntheticTopics.PeakHours"/>, jittered by σ = 1.5 h,
    /// amplitude × 0.6–1.4, liking σ = 0.4), or, when <paramref name="shared"/> is false, with every topic's peak
    /// hour drawn uniformly (nothing in common with others).
    /// </summary>
    public static SyntheticPerson Create(SimulationTastes tastes, Random random, bool shared = true)
    {
        var topics = SyntheticTopics.Count;
        var like = new double[topics];
        var amplitude = new double[topics];
        var peak = new double[topics];
        for (var t = 0; t < topics; t++)
        {
            like[t] = LikingSpread * SyntheticTopics.Gaussian(random);
            amplitude[t] = Amplitude * (0.6 + (0.8 * random.NextDouble()));
            peak[t] = shared ? SyntheticTopics.PeakHours[t] + (PeakJitterHours * SyntheticTopics.Gaussian(random)) : 24.0 * random.NextDouble();
        }

        // Priority/due people share the sign of their tastes (overdue and urgent are welcome, old tasks less so) and vary in strength.
        double[] typical = [BaseLogit, 1.0, 0.8, -0.6, 1.2, -0.5];
        var weights = typical.Select((w, i) => i == 0 ? w : (shared ? w : 0.0) + (CandidateWeightSpread * 0.6 * SyntheticTopics.Gaussian(random))).ToArray();
        return new SyntheticPerson(tastes, like, amplitude, peak, weights);
    }

    /// <summary>A person whose tastes are given exactly (tests): topic t peaks at <paramref name="peaks"/>[t].</summary>
    public static SyntheticPerson WithPeaks(IReadOnlyList<double> peaks, double amplitude)
    {
        var topics = SyntheticTopics.Count;
        return new SyntheticPerson(
            SimulationTastes.MeaningTime, new double[topics], Enumerable.Repeat(amplitude, topics).ToArray(), [.. peaks], new double[6]);
    }

    /// <summary>The probability the person does candidate <paramref name="x"/> (topic <paramref name="topic"/>) at local hour <paramref name="hour"/>.</summary>
    public double DoneProbability(ReadOnlySpan<double> x, int topic, double hour)
    {
        double logit;
        if (_tastes == SimulationTastes.MeaningTime)
        {
            logit = BaseLogit + _like[topic] + (_amplitude[topic] * Math.Cos(2 * Math.PI * (hour - _peak[topic]) / 24.0));
        }
        else
        {
            logit = 0.0;
            for (var i = 0; i < _weights.Length; i++)
            {
                logit += _weights[i] * x[i];
            }
        }

        return 1.0 / (1.0 + Math.Exp(-logit));
    }
}
