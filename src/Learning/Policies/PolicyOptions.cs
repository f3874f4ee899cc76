namespace OO.Learning.Policies;

/// <summary>Tuning for every policy. Each default is written once, here.</summary>
public sealed class PolicyOptions
{
    /// <summary>Default <see cref="Alpha"/>.</summary>
    public const double DefaultAlpha = 0.3;

    /// <summary>Default <see cref="Epsilon"/>.</summary>
    public const double DefaultEpsilon = 0.10;

    /// <summary>Default <see cref="ExplorationFloor"/>.</summary>
    public const double DefaultExplorationFloor = 0.05;

    /// <summary>Default <see cref="ThompsonVarianceScale"/>.</summary>
    public const double DefaultThompsonVarianceScale = 0.25;

    /// <summary>Default <see cref="ThompsonDraws"/>.</summary>
    public const int DefaultThompsonDraws = 16;

    /// <summary>Default <see cref="Ridge"/>.</summary>
    public const double DefaultRidge = 3.0;

    /// <summary>LinUCB's width of the confidence bonus: score = x·θ̂ + α √(xᵀA⁻¹x). Default 0.3 (tuned by simulation, docs/learning.md).</summary>
    public double Alpha { get; set; } = DefaultAlpha;

    /// <summary>ε-greedy's probability of a uniformly random candidate. Default 0.10.</summary>
    public double Epsilon { get; set; } = DefaultEpsilon;

    /// <summary>
    /// LinUCB's and Thompson's probability of a uniformly random candidate instead of their own pick, so that
    /// every candidate keeps a propensity ≥ floor / K. Default 0.05.
    /// </summary>
    public double ExplorationFloor { get; set; } = DefaultExplorationFloor;

    /// <summary>Thompson's v: θ is drawn from N(θ̂, v² A⁻¹). Default 0.25 (rewards in oO lie in [−0.5, 1]; tuned by simulation, docs/learning.md).</summary>
    public double ThompsonVarianceScale { get; set; } = DefaultThompsonVarianceScale;

    /// <summary>How many posterior draws Thompson uses to estimate its choice distribution (its propensity). Default 16.</summary>
    public int ThompsonDraws { get; set; } = DefaultThompsonDraws;

    /// <summary>λ of a new model's A = λI (see <see cref="LinearModelState.Create"/>), also the population prior's weight. Default 3.0.</summary>
    public double Ridge { get; set; } = DefaultRidge;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a value no policy can work with.</summary>
    public void Validate()
    {
        Check(Alpha >= 0 && double.IsFinite(Alpha), nameof(Alpha), Alpha, "must be ≥ 0");
        Check(Epsilon is > 0 and <= 1, nameof(Epsilon), Epsilon, "must be in (0, 1] so every candidate keeps a propensity > 0");
        Check(ExplorationFloor is > 0 and <= 1, nameof(ExplorationFloor), ExplorationFloor, "must be in (0, 1] so every candidate keeps a propensity > 0");
        Check(ThompsonVarianceScale >= 0 && double.IsFinite(ThompsonVarianceScale), nameof(ThompsonVarianceScale), ThompsonVarianceScale, "must be ≥ 0");
        Check(ThompsonDraws is >= 1 and <= 10_000, nameof(ThompsonDraws), ThompsonDraws, "must be in [1, 10000]");
        Check(Ridge > 0 && double.IsFinite(Ridge), nameof(Ridge), Ridge, "must be > 0");
    }

    private static void Check(bool ok, string name, object value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"PolicyOptions.{name} {rule}.");
        }
    }
}
