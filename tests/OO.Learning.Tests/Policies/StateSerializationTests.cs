using System.Text.Json;
using OO.Learning.Features;
using OO.Learning.Policies;

namespace OO.Learning.Tests.Policies;

public sealed class StateSerializationTests
{
    [Fact]
    public void A_trained_model_round_trips_through_System_Text_Json_and_decides_the_same()
    {
        var state = LinearModelState.Create(5);
        var policy = new ThompsonSamplingPolicy();
        var candidates = PolicyTestData.Candidates(10, 5, 1);
        var random = new Random(5);
        for (var n = 0; n < 50; n++)
        {
            var x = candidates[random.Next(10)];
            policy.Update(state, x, x[2]);
        }

        var json = JsonSerializer.Serialize(state, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var restored = JsonSerializer.Deserialize<LinearModelState>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.NotNull(restored);
        Assert.Equal(state.Dimension, restored.Dimension);
        Assert.Equal(state.Updates, restored.Updates);
        Assert.Equal(state.PackedInverse, restored.PackedInverse);
        Assert.DoesNotContain("aInverse", json, StringComparison.Ordinal);
        Assert.Equal(state.B, restored.B);
        Assert.Equal(policy.Choose(candidates, state, new Random(3)).Probabilities, policy.Choose(candidates, restored, new Random(3)).Probabilities);
    }

    [Fact]
    public void A_profile_round_trips_with_its_computed_at_times()
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var profile = UserProfileBuilder.Build([new ReactionFact(now.AddHours(-2), Reactions.Done, 30_000)], now, TimeZoneInfo.Utc);

        var restored = JsonSerializer.Deserialize<UserProfile>(JsonSerializer.Serialize(profile));

        Assert.NotNull(restored);
        Assert.Equal(1.0, restored.CompletionRate.Value);
        Assert.Equal(now, restored.CompletionRate.ComputedAt);
        Assert.Equal(30.0, restored.MeanDwellSeconds.Value);
        Assert.Equal(1, restored.ReactionCount);
    }

    [Fact]
    public void A_corrupted_state_fails_with_a_clear_message()
    {
        var state = new LinearModelState { Dimension = 3, PackedInverse = new double[4], B = new double[3] };
        var error = Assert.Throws<InvalidOperationException>(() => new LinUcbPolicy().Choose([[1.0, 0, 0]], state, new Random(1)));
        Assert.Contains("inconsistent", error.Message);
    }
}
