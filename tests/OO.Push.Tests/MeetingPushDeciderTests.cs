namespace OO.Push.Tests;

/// <summary>Issue 14: no push inside a busy calendar event, nor in the lead-up to one; before and after, the usual rules.</summary>
public sealed class MeetingPushDeciderTests
{
    private static readonly DateTimeOffset MeetingStart = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-11, PushDecisionReason.Send)] // before the lead
    [InlineData(-10, PushDecisionReason.InMeeting)] // the lead starts
    [InlineData(0, PushDecisionReason.InMeeting)]
    [InlineData(59, PushDecisionReason.InMeeting)]
    [InlineData(60, PushDecisionReason.Send)] // it has ended
    public void A_busy_meeting_and_the_minutes_before_it_hold_the_push_back(int minutes, PushDecisionReason expected) =>
        Assert.Equal(expected, PushDecider.Decide(Input(MeetingStart.AddMinutes(minutes))).Reason);

    [Fact]
    public void Quiet_hours_come_first_and_the_meeting_before_the_daily_cap()
    {
        var inMeeting = MeetingStart.AddMinutes(5);

        Assert.Equal(PushDecisionReason.QuietHours, PushDecider.Decide(Input(inMeeting) with { QuietHours = new(new TimeOnly(13, 0), new TimeOnly(16, 0)) }).Reason);
        Assert.Equal(PushDecisionReason.InMeeting, PushDecider.Decide(Input(inMeeting) with { PushesToday = 3 }).Reason);
    }

    private static PushDecisionInput Input(DateTimeOffset now) => new()
    {
        Now = now,
        TimeZone = TimeZoneInfo.Utc,
        DailyCap = 3,
        PushesToday = 0,
        MinGap = TimeSpan.FromHours(2),
        Candidate = new PushCandidate("todoist:1", 0.8),
        InterruptThreshold = 0.5,
        Meetings = [new BusyPeriod(MeetingStart, MeetingStart.AddHours(1))],
        MeetingLead = TimeSpan.FromMinutes(10),
    };
}
