using Microsoft.Extensions.Time.Testing;

namespace OO.Push.Tests;

public sealed class PushDeciderTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(7, 0));

    [Fact]
    public void A_good_new_tip_outside_quiet_hours_is_sent()
    {
        var clock = new FakeTimeProvider(Utc(2026, 11, 23, 14, 0));

        var decision = PushDecider.Decide(Input(clock.GetUtcNow()));

        Assert.True(decision.ShouldSend);
        Assert.Equal(PushDecisionReason.Send, decision.Reason);
    }

    [Theory]
    [InlineData(21, 0)] // 22:00 local (CET): quiet starts
    [InlineData(23, 30)] // 00:30 local: after midnight, still quiet
    [InlineData(5, 59)] // 06:59 local
    public void Inside_quiet_hours_that_cross_midnight_nothing_is_sent(int utcHour, int utcMinute)
    {
        var now = Utc(2026, 11, 23, utcHour, utcMinute);

        Assert.Equal(PushDecisionReason.QuietHours, PushDecider.Decide(Input(now)).Reason);
    }

    [Theory]
    [InlineData(20, 59)] // 21:59 local
    [InlineData(6, 0)] // 07:00 local: quiet has ended
    public void Just_outside_quiet_hours_the_push_is_sent(int utcHour, int utcMinute) =>
        Assert.True(PushDecider.Decide(Input(Utc(2026, 11, 23, utcHour, utcMinute))).ShouldSend);

    [Fact]
    public void Quiet_hours_follow_the_local_clock_across_the_spring_daylight_saving_change()
    {
        // Berlin moves from UTC+1 to UTC+2 at 01:00 UTC on 29 March 2026: the same UTC instant
        // is 06:30 (quiet) the day before and 07:30 (not quiet) on the day itself.
        var clock = new FakeTimeProvider(Utc(2026, 3, 28, 5, 30));
        var before = PushDecider.Decide(Input(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromDays(1));
        var after = PushDecider.Decide(Input(clock.GetUtcNow()));

        Assert.Equal(PushDecisionReason.QuietHours, before.Reason);
        Assert.Equal(PushDecisionReason.Send, after.Reason);
    }

    [Fact]
    public void Quiet_hours_follow_the_local_clock_across_the_autumn_daylight_saving_change()
    {
        // Back from UTC+2 to UTC+1 on 25 October 2026: 20:30 UTC is 22:30 (quiet) before, 21:30 (not) after.
        var before = PushDecider.Decide(Input(Utc(2026, 10, 24, 20, 30)));
        var after = PushDecider.Decide(Input(Utc(2026, 10, 25, 20, 30)));

        Assert.Equal(PushDecisionReason.QuietHours, before.Reason);
        Assert.Equal(PushDecisionReason.Send, after.Reason);
    }

    [Fact]
    public void Over_the_daily_cap_nothing_is_sent()
    {
        var input = Input(Utc(2026, 11, 23, 14, 0)) with { DailyCap = 3, PushesToday = 3 };

        Assert.Equal(PushDecisionReason.DailyCapReached, PushDecider.Decide(input).Reason);
    }

    [Fact]
    public void Inside_the_minimum_gap_nothing_is_sent_and_after_it_the_push_goes()
    {
        var now = Utc(2026, 11, 23, 14, 0);
        var tooSoon = Input(now) with { LastPushAt = now.AddMinutes(-119), LastPushedKey = "other" };
        var longEnough = Input(now) with { LastPushAt = now.AddHours(-2), LastPushedKey = "other" };

        Assert.Equal(PushDecisionReason.TooSoon, PushDecider.Decide(tooSoon).Reason);
        Assert.Equal(PushDecisionReason.Send, PushDecider.Decide(longEnough).Reason);
    }

    [Fact]
    public void The_tip_pushed_last_is_not_pushed_again()
    {
        var now = Utc(2026, 11, 23, 14, 0);
        var input = Input(now) with { LastPushAt = now.AddHours(-5), LastPushedKey = "todoist:1" };

        Assert.Equal(PushDecisionReason.SameAsLastPush, PushDecider.Decide(input).Reason);
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(0.5)]
    public void A_candidate_not_above_the_threshold_is_not_pushed(double expectedReward)
    {
        var input = Input(Utc(2026, 11, 23, 14, 0)) with { Candidate = new PushCandidate("todoist:1", expectedReward) };

        Assert.Equal(PushDecisionReason.BelowThreshold, PushDecider.Decide(input).Reason);
    }

    [Fact]
    public void Without_a_candidate_nothing_is_sent()
    {
        var input = Input(Utc(2026, 11, 23, 14, 0)) with { Candidate = null };

        Assert.Equal(PushDecisionReason.NoCandidate, PushDecider.Decide(input).Reason);
    }

    [Fact]
    public void Pushes_today_count_from_local_midnight_not_utc_midnight()
    {
        // 00:30 Berlin on 24 Nov is 23:30 UTC on 23 Nov: pushes at 22:00 UTC (23:00 local, the
        // day before) do not count, one at 23:15 UTC (00:15 local) does.
        var now = Utc(2026, 11, 23, 23, 30);
        DateTimeOffset[] pushes = [Utc(2026, 11, 23, 22, 0), Utc(2026, 11, 23, 23, 15)];

        Assert.Equal(1, PushDecider.CountToday(pushes, now, Berlin));
        Assert.Equal(Utc(2026, 11, 23, 23, 0), PushDecider.StartOfLocalDay(now, Berlin));
    }

    [Fact]
    public void The_local_day_on_a_daylight_saving_day_starts_at_local_midnight()
    {
        // On 29 March 2026 midnight in Berlin is still CET (UTC+1).
        Assert.Equal(Utc(2026, 3, 28, 23, 0), PushDecider.StartOfLocalDay(Utc(2026, 3, 29, 20, 0), Berlin));
    }

    [Fact]
    public void Acting_lowers_the_threshold_ignoring_raises_it_and_both_stay_in_range()
    {
        var options = new PushOptions();

        Assert.Equal(0.48, PushDecider.AdaptThreshold(0.5, PushReaction.OpenedAndActed, options), 10);
        Assert.Equal(0.55, PushDecider.AdaptThreshold(0.5, PushReaction.Ignored, options), 10);
        Assert.Equal(0.55, PushDecider.AdaptThreshold(0.5, PushReaction.Dismissed, options), 10);
        Assert.Equal(0.5, PushDecider.AdaptThreshold(0.5, PushReaction.Opened, options), 10);
        Assert.Equal(options.MinInterruptThreshold, PushDecider.AdaptThreshold(0.21, PushReaction.OpenedAndActed, options));
        Assert.Equal(options.MaxInterruptThreshold, PushDecider.AdaptThreshold(0.93, PushReaction.Dismissed, options));
    }

    private static PushDecisionInput Input(DateTimeOffset now) => new()
    {
        Now = now,
        TimeZone = Berlin,
        QuietHours = Night,
        DailyCap = 3,
        PushesToday = 0,
        MinGap = TimeSpan.FromHours(2),
        Candidate = new PushCandidate("todoist:1", 0.8),
        InterruptThreshold = 0.5,
    };

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
