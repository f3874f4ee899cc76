namespace OO.Learning.Features;

/// <summary>One profile statistic with the time it was computed, so staleness is visible.</summary>
public sealed class ProfileFeatureValue
{
    /// <summary>The statistic (a rate, seconds, or a circular-mean component — see the registry).</summary>
    public double Value { get; set; }

    /// <summary>When it was computed; null when it never was (then <see cref="Value"/> is the neutral default).</summary>
    public DateTimeOffset? ComputedAt { get; set; }
}
