using OO.Learning.Meaning;

namespace OO.Learning.Simulation;

/// <summary>
/// The topics synthetic tasks are drawn from. Each has a fixed centre in meaning space (the same for every
/// seed, so "call" is one place in every run) and the hour at which the population typically acts on it. A
/// task's meaning is its topic's centre plus noise, packed with <see cref="MeaningCode"/> as the real
/// meaning engine would.
/// </summary>
public static class SyntheticTopics
{
    /// <summary>Topic names, in index order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["call", "write", "errand", "admin", "read", "exercise"];

    /// <summary>The population's typical local hour per topic (the archetype people vary around).</summary>
    public static IReadOnlyList<double> PeakHours { get; } = [9.0, 20.0, 13.0, 11.0, 22.0, 7.0];

    /// <summary>Index of the "call" topic.</summary>
    public const int Call = 0;

    /// <summary>Index of the "write" topic.</summary>
    public const int Write = 1;

    private const double CentreSpread = 0.5;
    private const double TaskNoise = 0.15;

    private static readonly double[][] Centres = CreateCentres();

    /// <summary>How many topics there are.</summary>
    public static int Count => Names.Count;

    /// <summary>A packed meaning near topic <paramref name="topic"/>'s centre (noise σ = 0.15 per dimension).</summary>
    public static ulong Meaning(int topic, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<float> values = stackalloc float[MeaningCode.Dimensions];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(Centres[topic][i] + (TaskNoise * Gaussian(random)));
        }

        return MeaningCode.Pack(values);
    }

    /// <summary>The packed centre of topic <paramref name="topic"/> (what a task exactly "about" it reads as).</summary>
    public static ulong Centre(int topic)
    {
        Span<float> values = stackalloc float[MeaningCode.Dimensions];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)Centres[topic][i];
        }

        return MeaningCode.Pack(values);
    }

    /// <summary>A standard normal (Box–Muller) from <paramref name="random"/>.</summary>
    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    private static double[][] CreateCentres()
    {
        // A fixed seed: the topics are part of the scenario's definition, not of a run.
        var random = new Random(20_26);
        return [.. Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, MeaningCode.Dimensions)
            .Select(_ => Math.Clamp(CentreSpread * Gaussian(random), -0.9, 0.9)).ToArray())];
    }
}
