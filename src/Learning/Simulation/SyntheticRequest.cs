using OO.Learning.Features;

namespace OO.Learning.Simulation;

/// <summary>
/// One synthetic tip request: a moment between 07:00 and 23:00 (UTC, the people's zone) on one of 28 days, and
/// K candidates, each with a topic (hidden from the learner), its meaning, a random priority, due state, age
/// and kind, and its feature vector as oO builds it.
/// </summary>
internal sealed class SyntheticRequest
{
    /// <summary>The first simulated day.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private SyntheticRequest(double hour, int[] topics, double[][] vectors)
    {
        Hour = hour;
        Topics = topics;
        Vectors = vectors;
    }

    /// <summary>Local hour of the request (minutes as a fraction).</summary>
    public double Hour { get; }

    /// <summary>Each candidate's topic.</summary>
    public int[] Topics { get; }

    /// <summary>Each candidate's feature vector.</summary>
    public double[][] Vectors { get; }

    /// <summary>
    /// Draws a request from <paramref name="random"/>; with <paramref name="interactions"/> false the
    /// meaning × hour features are zeroed (the "no interactions" design alternative).
    /// </summary>
    public static SyntheticRequest Draw(Random random, int candidates, bool interactions)
    {
        var now = Start.AddDays(random.Next(28)).AddMinutes(random.Next(7 * 60, 23 * 60));
        var context = new RequestContext(now, TimeZoneInfo.Utc);
        var topics = new int[candidates];
        var vectors = new double[candidates][];
        for (var c = 0; c < candidates; c++)
        {
            topics[c] = random.Next(SyntheticTopics.Count);
            vectors[c] = FeatureVectorBuilder.BuildValues(Task(random, now, SyntheticTopics.Meaning(topics[c], random)), context, UserProfile.Empty);
            if (!interactions)
            {
                Array.Clear(vectors[c], FeatureRegistry.InteractionOffset, FeatureRegistry.Dimension - FeatureRegistry.InteractionOffset);
            }
        }

        return new SyntheticRequest(now.TimeOfDay.TotalHours, topics, vectors);
    }

    private static readonly GeneratedFacts SimulatedAdvice = new(CandidateKind.Advice, ByLanguageModel: true, Confidence: 0.8, "simulated", "v1");

    private static TaskFacts Task(Random random, DateTimeOffset now, ulong meaning)
    {
        var added = now.AddHours(-random.NextDouble() * 24 * 45);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        DateOnly? dueDate = null;
        DateTimeOffset? dueAt = null;
        switch (random.Next(4))
        {
            case 0:
                dueDate = today.AddDays(random.Next(-3, 4));
                break;
            case 1:
                dueAt = now.AddHours((random.NextDouble() * 96) - 48);
                break;
        }

        var priority = random.Next(1, 5);
        // One candidate in five is an advice written by a model (kind_advice is still vector position 5).
        var generated = random.NextDouble() < 0.2 ? SimulatedAdvice : null;
        return new TaskFacts(dueDate, dueAt, added, priority, meaning, generated);
    }
}
