using OO.Learning.Features;
using OO.Learning.Logging;
using OO.Learning.Simulation;

namespace OO.Learning.Tests.Logging;

public sealed class DecisionLogEntryTests
{
    private static DecisionLogEntry Entry(int candidates)
    {
        var random = new Random(5);
        var now = new DateTimeOffset(2026, 3, 2, 18, 37, 0, TimeSpan.Zero);
        var context = new RequestContext(now, TimeZoneInfo.Utc);
        var logged = Enumerable.Range(0, candidates)
            .Select(i => new LoggedCandidate(
                $"todoist:{8_000_000_000 + i}",
                FeatureVectorBuilder.BuildValues(new TaskFacts(null, null, now.AddDays(-1.37 * i), 1 + (i % 4), SyntheticTopics.Meaning(i % SyntheticTopics.Count, random)), context, UserProfile.Empty),
                0.1 * i))
            .ToList();
        return new DecisionLogEntry(false, logged, 3, 50, 0.0123, "linucb", [new ShadowChoice("thompson", 1)], FeatureRegistry.Names);
    }

    [Fact]
    public void A_logged_decision_reads_back_with_every_feature_within_five_decimals_and_its_layouts_names()
    {
        var entry = Entry(20);

        var read = DecisionLogEntry.TryParse(entry.ToJson());

        Assert.NotNull(read);
        Assert.Equal(FeatureRegistry.Names, read.FeatureNames);
        Assert.Equal(entry.ChosenIndex, read.ChosenIndex);
        for (var k = 0; k < entry.Candidates.Count; k++)
        {
            Assert.Equal(entry.Candidates[k].Features, read.Candidates[k].Features, (a, b) => Math.Abs(a - b) <= 5e-6);
        }
    }

    [Fact]
    public void Twenty_layout_two_candidates_stay_under_seven_kilobytes_of_json()
    {
        Assert.InRange(Entry(20).ToJson().Length, 1, 7 * 1024);
    }
}
