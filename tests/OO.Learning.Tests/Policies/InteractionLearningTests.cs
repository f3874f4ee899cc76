using OO.Learning.Features;
using OO.Learning.Policies;
using OO.Learning.Simulation;

namespace OO.Learning.Tests.Policies;

public sealed class InteractionLearningTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static double[] Vector(int topic, double hour, Random? noise = null)
    {
        var meaning = noise is null ? SyntheticTopics.Centre(topic) : SyntheticTopics.Meaning(topic, noise);
        var now = Day.AddHours(hour);
        return FeatureVectorBuilder.BuildValues(new TaskFacts(null, null, now.AddDays(-2), 1, meaning), new RequestContext(now, TimeZoneInfo.Utc), UserProfile.Empty);
    }

    /// <summary>Serves the person <paramref name="reactions"/> tips (a call and a writing task, at a random hour of the day) and learns from each reaction.</summary>
    private static LinearModelState Train(double callPeak, double writePeak, int reactions, int seed)
    {
        var person = SyntheticPerson.WithPeaks([callPeak, writePeak, 12, 12, 12, 12], amplitude: 2.0);
        var policy = new LinUcbPolicy();
        var model = LinearModelState.Create(FeatureRegistry.Dimension);
        var random = new Random(seed);
        for (var n = 0; n < reactions; n++)
        {
            var hour = 7 + (16 * random.NextDouble());
            int[] topics = [SyntheticTopics.Call, SyntheticTopics.Write];
            double[][] candidates = [Vector(topics[0], hour, random), Vector(topics[1], hour, random)];
            var chosen = policy.Choose(candidates, model, random).ChosenIndex;
            var done = random.NextDouble() < person.DoneProbability(candidates[chosen], topics[chosen], hour);
            policy.Update(model, candidates[chosen], done ? 1.0 : 0.0);
        }

        return model;
    }

    private static int Preferred(LinearModelState model, double hour) =>
        model.Predict(Vector(SyntheticTopics.Call, hour)) > model.Predict(Vector(SyntheticTopics.Write, hour)) ? SyntheticTopics.Call : SyntheticTopics.Write;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Two_people_with_opposite_meaning_by_hour_tastes_get_opposite_rankings_after_a_few_dozen_reactions(int seed)
    {
        var morningCaller = Train(callPeak: 8, writePeak: 20, reactions: 48, seed);
        var eveningCaller = Train(callPeak: 20, writePeak: 8, reactions: 48, seed + 100);

        Assert.Equal(SyntheticTopics.Call, Preferred(morningCaller, 8));
        Assert.Equal(SyntheticTopics.Write, Preferred(morningCaller, 20));
        Assert.Equal(SyntheticTopics.Write, Preferred(eveningCaller, 8));
        Assert.Equal(SyntheticTopics.Call, Preferred(eveningCaller, 20));
    }
}
