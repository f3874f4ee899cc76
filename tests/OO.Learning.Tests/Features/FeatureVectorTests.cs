using OO.Learning.Features;
using OO.Learning.Meaning;

namespace OO.Learning.Tests.Features;

public sealed class FeatureVectorTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static double Value(FeatureVector vector, string name) => vector.ToDictionary()[name];

    [Fact]
    public void The_vector_has_one_named_value_per_registry_entry_with_the_bias_first()
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var vector = FeatureVectorBuilder.Build(new TaskFacts(null, null, now, 1), new RequestContext(now, TimeZoneInfo.Utc), UserProfile.Empty);

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
        var dueMarch2 = new TaskFacts(new DateOnly(2026, 3, 2), null, now.AddDays(-3), 4);

        Assert.Equal(1.0, Value(FeatureVectorBuilder.Build(dueMarch2, tokyo, UserProfile.Empty), "is_overdue"));
        Assert.Equal(0.0, Value(FeatureVectorBuilder.Build(dueMarch2, tokyo, UserProfile.Empty), "due_today"));
        Assert.Equal(0.0, Value(FeatureVectorBuilder.Build(dueMarch2, utc, UserProfile.Empty), "is_overdue"));
        Assert.Equal(1.0, Value(FeatureVectorBuilder.Build(dueMarch2, utc, UserProfile.Empty), "due_today"));

        var dueInAnHour = new TaskFacts(null, now.AddHours(1), now, 1);
        Assert.Equal(0.0, Value(FeatureVectorBuilder.Build(dueInAnHour, tokyo, UserProfile.Empty), "is_overdue"));
        Assert.Equal(1.0, Value(FeatureVectorBuilder.Build(dueInAnHour, tokyo, UserProfile.Empty), "due_today"));
    }

    [Fact]
    public void Priority_age_kind_meaning_and_the_meaning_by_hour_crossing_are_scaled_as_documented()
    {
        var now = new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero); // 12:00 in Tokyo: sin = 0, cos = −1
        float[] meaning = [0.5f, -1f, 0f, 0.25f, 1f, -0.5f, 0.75f, 0f];
        var task = new TaskFacts(null, null, now.AddDays(-15), 4, MeaningCode.Pack(meaning), new GeneratedFacts(CandidateKind.Advice, true, 0.7, "m", "p"));
        var vector = FeatureVectorBuilder.Build(task, new RequestContext(now, Tokyo), UserProfile.Empty);

        Assert.Equal(1.0, Value(vector, "priority"), 12);
        Assert.Equal(0.5, Value(vector, "task_age_days"), 12);
        Assert.Equal(1.0, Value(vector, "kind_advice"));
        Assert.Equal(0.7, Value(vector, "confidence"), 12);
        for (var i = 0; i < meaning.Length; i++)
        {
            var m = MeaningCode.Value(task.Meaning, i);
            Assert.Equal(meaning[i], m, 2);
            Assert.Equal(m, Value(vector, $"meaning_{i}"), 6);
            Assert.Equal(0.0, Value(vector, $"meaning_{i}_x_hour_sin"), 6);
            Assert.Equal(-m, Value(vector, $"meaning_{i}_x_hour_cos"), 6);
        }

        var sixAmTokyo = FeatureVectorBuilder.Build(task, new RequestContext(now.AddHours(-6), Tokyo), UserProfile.Empty);
        Assert.Equal(MeaningCode.Value(task.Meaning, 0), Value(sixAmTokyo, "meaning_0_x_hour_sin"), 6);
        Assert.Equal(0.0, Value(FeatureVectorBuilder.Build(task with { Priority = 1, AddedAt = now.AddDays(-400) }, new RequestContext(now, Tokyo), UserProfile.Empty), "priority"));
        Assert.Equal(1.0, Value(FeatureVectorBuilder.Build(task with { AddedAt = now.AddDays(-400) }, new RequestContext(now, Tokyo), UserProfile.Empty), "task_age_days"));
    }

    [Fact]
    public void An_unknown_meaning_adds_nothing_but_the_bias_and_the_task_facts()
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var vector = FeatureVectorBuilder.BuildValues(new TaskFacts(null, null, now, 1), new RequestContext(now, TimeZoneInfo.Utc), UserProfile.Empty);

        Assert.All(vector.Skip(FeatureRegistry.MeaningOffset), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Layout_four_stays_within_12_KiB_and_has_nothing_that_is_the_same_for_every_candidate_but_the_bias()
    {
        var d = FeatureRegistry.Dimension;

        Assert.Equal(4, FeatureRegistry.Version);
        Assert.Equal(38, d);
        Assert.InRange((d * d) + d, 0, 12 * 1024 / sizeof(double));
        Assert.Single(FeatureRegistry.Definitions, f => f.Scope == FeatureScope.Bias);
        Assert.DoesNotContain(FeatureRegistry.Definitions, f => f.Scope is FeatureScope.Context or FeatureScope.Profile);
        Assert.All(FeatureRegistry.Definitions, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));

        // Among a task and written candidates of every kind at the same moment, only the bias never varies: in a free
        // hour before a meeting, or (for "busy now") during one.
        var now = new DateTimeOffset(2026, 3, 2, 7, 30, 0, TimeSpan.Zero);
        Assert.Equal([0], Enumerable.Range(0, d).Where(i => Constant(i, new CalendarContext(false, 60, 60)) && Constant(i, new CalendarContext(true, 30, 0))));

        bool Constant(int index, CalendarContext day)
        {
            var vectors = Vectors(new RequestContext(now, TimeZoneInfo.Utc) { Calendar = day });
            return vectors.All(v => v[index] == vectors[0][index]);
        }
    }

    private static List<double[]> Vectors(RequestContext context)
    {
        var now = context.Now;
        var task = FeatureVectorBuilder.BuildValues(new TaskFacts(DateOnly.FromDateTime(now.UtcDateTime), null, now.AddDays(-3), 4, MeaningCode.Pack([0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f])), context, UserProfile.Empty);
        var overdue = FeatureVectorBuilder.BuildValues(new TaskFacts(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), null, now.AddDays(-1), 1, MeaningCode.Pack([-0.6f, -0.6f, -0.6f, -0.6f, -0.6f, -0.6f, -0.6f, -0.6f])), context, UserProfile.Empty);
        var (plus, minus) = TwoVariantsOfOppositeSign();
        var written = new[] { CandidateKind.Advice, CandidateKind.Insight, CandidateKind.Reminder }
            .Select((kind, i) => FeatureVectorBuilder.BuildValues(
                new TaskFacts(null, null, now, 1, Generated: new GeneratedFacts(kind, i != 1, 0.6, i == 0 ? plus : minus, "p1")), context, UserProfile.Empty));
        return [.. new[] { task, overdue }.Concat(written)];
    }

    [Fact]
    public void A_written_candidate_carries_its_kind_author_confidence_and_variant_and_a_task_carries_none()
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var context = new RequestContext(now, TimeZoneInfo.Utc);
        var task = FeatureVectorBuilder.Build(new TaskFacts(null, null, now, 1), context, UserProfile.Empty);
        var insight = FeatureVectorBuilder.Build(new TaskFacts(null, null, now, 1, Generated: new GeneratedFacts(CandidateKind.Insight, false, 1.7, "rules", "r1")), context, UserProfile.Empty);
        var reminder = FeatureVectorBuilder.Build(new TaskFacts(null, null, now, 1, Generated: new GeneratedFacts(CandidateKind.Reminder, true, 0.25, "tip-generator", "abc")), context, UserProfile.Empty);

        string[] written = ["kind_advice", "kind_insight", "kind_reminder", "written_by_llm", "confidence", "variant_sign"];
        Assert.All(written, name => Assert.Equal(0.0, Value(task, name)));
        Assert.Equal((0.0, 1.0, 0.0, 0.0, 1.0), (Value(insight, "kind_advice"), Value(insight, "kind_insight"), Value(insight, "kind_reminder"), Value(insight, "written_by_llm"), Value(insight, "confidence")));
        Assert.Equal((0.0, 0.0, 1.0, 1.0, 0.25), (Value(reminder, "kind_advice"), Value(reminder, "kind_insight"), Value(reminder, "kind_reminder"), Value(reminder, "written_by_llm"), Value(reminder, "confidence")));
        Assert.Equal(1.0, Math.Abs(Value(reminder, "variant_sign")));
        Assert.Equal(FeatureRegistry.VariantSign("tip-generator", "abc"), Value(reminder, "variant_sign"));
        Assert.Equal(FeatureRegistry.VariantSign("tip-generator", "abc"), FeatureRegistry.VariantSign("tip-generator", "abc"));
    }

    [Fact]
    public void The_variant_sign_differs_between_variants_about_half_the_time()
    {
        var signs = Enumerable.Range(0, 400).Select(i => FeatureRegistry.VariantSign("model", $"prompt-{i}")).ToList();

        Assert.InRange(signs.Count(s => s > 0), 150, 250);
        Assert.All(signs, s => Assert.Equal(1.0, Math.Abs(s)));
    }

    private static (string Plus, string Minus) TwoVariantsOfOppositeSign()
    {
        var models = Enumerable.Range(0, 64).Select(i => $"model-{i}").ToList();
        return (models.First(m => FeatureRegistry.VariantSign(m, "p1") > 0), models.First(m => FeatureRegistry.VariantSign(m, "p1") < 0));
    }

    [Fact]
    public void Each_definition_computes_the_value_the_vector_holds()
    {
        var now = new DateTimeOffset(2026, 3, 2, 18, 45, 0, TimeSpan.Zero);
        var input = new FeatureInput(
            new TaskFacts(null, now.AddHours(-2), now.AddDays(-4), 3, MeaningCode.Pack([0.9f, -0.2f, 0.1f, 0f, -0.7f, 0.4f, 0.3f, -1f])),
            new RequestContext(now, Tokyo),
            UserProfile.Empty);
        var vector = FeatureVectorBuilder.BuildValues(input.Task, input.Context, input.Profile);

        Assert.Equal(vector, FeatureRegistry.Definitions.Select(f => f.Compute(input)));
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

    [Fact]
    public void The_profile_statistics_are_described_for_the_admin_view_and_read_from_the_profile_not_the_vector()
    {
        var now = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var profile = UserProfileBuilder.Build([new ReactionFact(now.AddHours(-3), Reactions.Done, 900_000)], now, TimeZoneInfo.Utc);
        var input = new FeatureInput(new TaskFacts(null, null, now, 1), new RequestContext(now, TimeZoneInfo.Utc), profile);
        var statistics = FeatureRegistry.ProfileStatistics.ToDictionary(f => f.Name);

        Assert.All(FeatureRegistry.ProfileStatistics, f => Assert.True(f is { Scope: FeatureScope.Profile, Ttl: not null } && f.Description.Length > 0));
        Assert.Empty(FeatureRegistry.Names.Intersect(statistics.Keys));
        Assert.Equal(1.0, statistics["completion_rate"].Compute(input));
        Assert.Equal(1.0, statistics["mean_dwell_done"].Compute(input));
    }
}
