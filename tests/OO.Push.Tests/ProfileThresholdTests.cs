namespace OO.Push.Tests;

/// <summary>The threshold for the moment: lower near the person's usual hour, higher far from it, scaled by how regular they are and how much is known.</summary>
public sealed class ProfileThresholdTests
{
    private static readonly PushOptions Options = new() { DefaultInterruptThreshold = 0.5 };

    [Fact]
    public void Without_a_profile_the_learned_threshold_is_used_as_is() =>
        Assert.Equal(0.5, ProfileThreshold.For(0.5, PushProfile.None, At(9), TimeZoneInfo.Utc, Options));

    [Fact]
    public void Someone_regular_at_nine_gets_a_lower_bar_at_nine_and_a_higher_one_in_the_evening()
    {
        var profile = Regular(hour: 9, reactions: 40, completion: 0.5);

        var atNine = ProfileThreshold.For(0.5, profile, At(9), TimeZoneInfo.Utc, Options);
        var atTen = ProfileThreshold.For(0.5, profile, At(10), TimeZoneInfo.Utc, Options);
        var atThree = ProfileThreshold.For(0.5, profile, At(3), TimeZoneInfo.Utc, Options);
        var atNineInTheEvening = ProfileThreshold.For(0.5, profile, At(21), TimeZoneInfo.Utc, Options);

        // 40 reactions weigh 40 / (40 + 10) = 0.8 of the full 0.15.
        Assert.Equal(0.5 - (0.8 * 0.15), atNine, 6);
        Assert.InRange(atTen, atNine, 0.5);
        Assert.InRange(atThree, 0.5 + (0.8 * 0.14), 0.5 + (0.8 * 0.15));
        Assert.Equal(0.5 + (0.8 * 0.15), atNineInTheEvening, 3);
    }

    [Fact]
    public void Someone_with_no_usual_hour_gets_the_same_bar_at_every_hour()
    {
        var profile = new PushProfile(40, 0.5, 0, 0);

        Assert.All(Enumerable.Range(0, 24), hour => Assert.Equal(0.5, ProfileThreshold.For(0.5, profile, At(hour), TimeZoneInfo.Utc, Options), 9));
    }

    [Fact]
    public void The_usual_hour_is_read_on_the_persons_clock()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var profile = Regular(hour: 9, reactions: 40, completion: 0.5);

        // 00:00 UTC is 09:00 in Tokyo.
        Assert.True(ProfileThreshold.For(0.5, profile, At(0), tokyo, Options) < 0.5);
        Assert.True(ProfileThreshold.For(0.5, profile, At(9), tokyo, Options) > 0.5);
    }

    [Fact]
    public void A_high_completion_rate_lowers_the_bar_and_a_low_one_raises_it()
    {
        var doer = new PushProfile(40, 1.0, 0, 0);
        var skipper = new PushProfile(40, 0.0, 0, 0);

        Assert.Equal(0.5 - (0.8 * 0.05), ProfileThreshold.For(0.5, doer, At(12), TimeZoneInfo.Utc, Options), 9);
        Assert.Equal(0.5 + (0.8 * 0.05), ProfileThreshold.For(0.5, skipper, At(12), TimeZoneInfo.Utc, Options), 9);
    }

    [Fact]
    public void Little_evidence_moves_the_bar_little_and_the_bar_stays_within_its_bounds()
    {
        var few = ProfileThreshold.For(0.5, Regular(hour: 9, reactions: 1, completion: 1.0), At(9), TimeZoneInfo.Utc, Options);
        var floor = ProfileThreshold.For(0.21, Regular(hour: 9, reactions: 1000, completion: 1.0), At(9), TimeZoneInfo.Utc, Options);
        var ceiling = ProfileThreshold.For(0.9, Regular(hour: 9, reactions: 1000, completion: 0.0), At(21), TimeZoneInfo.Utc, Options);

        Assert.InRange(few, 0.5 - (0.2 / 11) - 1e-9, 0.5);
        Assert.Equal(Options.MinInterruptThreshold, floor);
        Assert.Equal(Options.MaxInterruptThreshold, ceiling);
    }

    [Fact]
    public void Weights_of_zero_turn_the_profile_off()
    {
        var off = new PushOptions { ActiveHoursWeight = 0, CompletionRateWeight = 0 };

        Assert.Equal(0.5, ProfileThreshold.For(0.5, Regular(hour: 9, reactions: 100, completion: 1.0), At(9), TimeZoneInfo.Utc, off));
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.3, 0.63)]
    [InlineData(0.7, 2.01)]
    [InlineData(0.99, 5.0)]
    public void The_concentration_follows_the_regularity(double r, double kappa) =>
        Assert.Equal(kappa, ProfileThreshold.Concentration(r), 2);

    /// <summary>Every reaction at <paramref name="hour"/>:00: the mean direction points there with length 1.</summary>
    private static PushProfile Regular(int hour, int reactions, double completion)
    {
        var angle = 2 * Math.PI * hour / 24.0;
        return new PushProfile(reactions, completion, Math.Sin(angle), Math.Cos(angle));
    }

    private static DateTimeOffset At(int utcHour) => new(2026, 11, 23, utcHour, 0, 0, TimeSpan.Zero);
}
