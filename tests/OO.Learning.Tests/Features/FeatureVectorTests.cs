using OO.Learning.Features;

namespace OO.Learning.Tests.Features;

public sealed class FeatureVectorTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static double Value(FeatureVector vector, string name) => vector.ToDictionary()[name];

    [Fact]
    public void The_vector_has_one_named_value_per_registry_entry_with_the_bias_first()
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var vector = FeatureVectorBuilder.Build(new TaskFacts(null, null, now, 1, false), new RequestContext(now, TimeZoneInfo.Utc), UserProfile.Empty);

        Assert.Equal(FeatureRegistry.Dimension, vector.Values.Length);
        Assert.Equal(FeatureRegistry.Names, vector.Names);
        Assert.Equal("bias", vector.Names[0]);
        Assert.Equal(1.0, vector.Values[0]);
        Assert.Equal(vector.Names.Count, vector.Names.Distinct().Count());
        Assert.All(FeatureRegistry.Definitions.Where(d => d.Scope is FeatureScope.Candidate or FeatureScope.Context), d => Assert.Null(d.Ttl));
        Assert.All(FeatureRegistry.Definitions.Where(d => d.Scope is FeatureScope.Profile), d => Assert.NotNull(d.Ttl));
    }

    [Fact]
    public void Due_today_and_overdue_follow_the_users_calendar_not_utc()
    {
        // 16:00 UTC on 2 March is 01:00 on 3 March in Tokyo.
        var now = new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero);
        var tokyo = new RequestContext(now, Tokyo);
        var utc = new RequestContext(now, TimeZoneInfo.Utc);
        var dueMarch2 = new TaskFacts(new DateOnly(2026, 3, 2), null, now.AddDays(-3), 4, false);

        Assert.Equal(1.0, Value(FeatureVectorBuilder.Build(dueMarch2, tokyo, UserProfile.Empty), "is_overdue"));
        Assert.Equal(0.0, Value(FeatureVectorBuilder.Build(dueMarch2, tokyo, UserProfile.Empty), "due_today"));
        Assert.Equal(0.0, Value(FeatureVectorBuilder.Build(dueMarch2, utc, UserProfile.Empty), "is_overdue"));
        Assert.Equal(1.0, Value(FeatureVectorBuilder.Build(dueMarch2, utc, UserProfile.Empty), "due_today"));

        var dueInAnHour = new TaskFacts(null, now.AddHours(1), now, 1, false);
        Assert.Equal(0.0, Value(FeatureVectorBuilder.Build(dueInAnHour, tokyo, UserProfile.Empty), "is_overdue"));
        Assert.Equal(1.0, Value(FeatureVectorBuilder.Build(dueInAnHour, tokyo, UserProfile.Empty), "due_today"));
    }

    [Fact]
    public void Priority_age_kind_and_hour_are_scaled_as_documented()
    {
        var now = new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero); // 12:00 in Tokyo
        var task = new TaskFacts(null, null, now.AddDays(-15), 4, true);
        var vector = FeatureVectorBuilder.Build(task, new RequestContext(now, Tokyo), UserProfile.Empty);

        Assert.Equal(1.0, Value(vector, "priority"), 12);
        Assert.Equal(0.5, Value(vector, "task_age_days"), 12);
        Assert.Equal(1.0, Value(vector, "kind_advice"));
        Assert.Equal(0.0, Value(vector, "kind_task"));
        Assert.Equal(0.0, Value(vector, "hour_of_day_sin"), 12);
        Assert.Equal(-1.0, Value(vector, "hour_of_day_cos"), 12);
        Assert.Equal(0.0, Value(FeatureVectorBuilder.Build(task with { Priority = 1, AddedAt = now.AddDays(-400) }, new RequestContext(now, Tokyo), UserProfile.Empty), "priority"));
        Assert.Equal(1.0, Value(FeatureVectorBuilder.Build(task with { AddedAt = now.AddDays(-400) }, new RequestContext(now, Tokyo), UserProfile.Empty), "task_age_days"));
    }

    [Fact]
    public void The_profile_counts_reactions_and_finds_the_typical_hour_in_the_users_zone()
    {
        var now = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        // 12:00 UTC = 21:00 Tokyo.
        var history = new[]
        {
            new ReactionFact(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), Reactions.Done, 20_000),
            new ReactionFact(new DateTimeOffset(2026, 2, 28, 12, 0, 0, TimeSpan.Zero), Reactions.Done, 40_000),
            new ReactionFact(new DateTimeOffset(2026, 2, 27, 12, 0, 0, TimeSpan.Zero), Reactions.Snooze, null),
            new ReactionFact(new DateTimeOffset(2026, 2, 26, 12, 0, 0, TimeSpan.Zero), Reactions.Dismiss, 1_000),
            new ReactionFact(new DateTimeOffset(2026, 2, 25, 12, 0, 0, TimeSpan.Zero), "opened", null),
        };

        var profile = UserProfileBuilder.Build(history, now, Tokyo);

        Assert.Equal(4, profile.ReactionCount);
        Assert.Equal(0.5, profile.CompletionRate.Value);
        Assert.Equal(0.25, profile.SnoozeRate.Value);
        Assert.Equal(0.25, profile.DismissRate.Value);
        Assert.Equal(30.0, profile.MeanDwellSeconds.Value);
        var hour = Math.Atan2(profile.ActiveHourSin.Value, profile.ActiveHourCos.Value) * 24 / (2 * Math.PI);
        Assert.Equal(21.0, (hour + 24) % 24, 9);
        Assert.Equal(now, profile.SnoozeRate.ComputedAt);
        Assert.False(FeatureRegistry.IsStale(profile.SnoozeRate, now.AddHours(23)));
        Assert.True(FeatureRegistry.IsStale(profile.SnoozeRate, now.AddHours(25)));
        Assert.True(FeatureRegistry.IsStale(UserProfile.Empty.SnoozeRate, now));
    }
}
