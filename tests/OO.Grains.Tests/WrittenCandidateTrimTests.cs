using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Sources.GoogleCalendar;
using OO.Grains.Users;

namespace OO.Grains.Tests;

/// <summary>What a full cache of written candidates gives up first, and what it never gives up.</summary>
public sealed class WrittenCandidateTrimTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Expired_then_put_off_then_oldest_go_first_and_the_shown_candidate_and_calendar_reminders_stay()
    {
        var reminder = CalendarReminders.Candidate(
            GoogleCalendarSource.ProviderName,
            new CalendarEntry("review", Now.AddHours(1), Now.AddHours(2), Busy: true, AllDay: false, "Design review"), TimeZoneInfo.Utc, Now.AddDays(-3));
        var shown = Written("shown", createdDaysAgo: 2);
        var old = Written("old", createdDaysAgo: 1.5);
        var expired = Written("expired", createdDaysAgo: 0.5, expired: true);
        var putOff = Written("put-off", createdDaysAgo: 0.1, hidden: true);
        var fresh = Written("fresh", createdDaysAgo: 0.2);
        var newest = Written("newest", createdDaysAgo: 0);
        var written = new List<WrittenCandidate> { reminder, shown, old, expired, putOff, fresh, newest };

        CandidatePool.Trim(written, keep: 4, (CandidatePool.ModelSource, "shown"), Now);

        Assert.Equal([reminder, shown, fresh, newest], written);
    }

    [Fact]
    public void Candidates_that_must_stay_may_leave_the_cache_longer_than_it_keeps()
    {
        var reminder = CalendarReminders.Candidate(
            GoogleCalendarSource.ProviderName,
            new CalendarEntry("review", Now.AddHours(1), Now.AddHours(2), Busy: true, AllDay: false, "Design review"), TimeZoneInfo.Utc, Now);
        var shown = Written("shown", createdDaysAgo: 1);
        var other = Written("other", createdDaysAgo: 0);
        var written = new List<WrittenCandidate> { reminder, shown, other };

        CandidatePool.Trim(written, keep: 1, (CandidatePool.ModelSource, "shown"), Now);

        Assert.Equal([reminder, shown], written);
    }

    private static WrittenCandidate Written(string sourceRef, double createdDaysAgo, bool expired = false, bool hidden = false) => new()
    {
        Candidate = new TipCandidate($"Advice {sourceRef}", TipKind.Advice, CandidatePool.ModelSource, sourceRef, "test-model", "p1", 0.8),
        CreatedAt = Now.AddDays(-createdDaysAgo),
        ExpiresAt = expired ? Now.AddMinutes(-1) : Now.AddDays(1),
        HiddenUntil = hidden ? Now.AddHours(1) : null,
    };
}
