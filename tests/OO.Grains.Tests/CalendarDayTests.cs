using OO.Grains.Interfaces.Push;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using OO.Grains.Tests.Infrastructure;
using OO.Learning.Logging;

namespace OO.Grains.Tests;

/// <summary>
/// Issue 14, "the day shapes the tip": a calendar's events (as a snapshot brings them) keep pushes out of busy
/// meetings and the minutes before them, and events with attendees become "Prepare for" reminder candidates.
/// </summary>
public sealed class CalendarDayTests(GrainsCluster cluster) : IClassFixture<GrainsCluster>
{
    private static readonly SourceTask[] Tasks = [Open("t1", "Call the bank"), Open("t2", "Phone grandma"), Open("t3", "Write the blog post")];

    [Fact]
    public async Task No_push_goes_out_during_a_busy_meeting_or_just_before_one_and_one_goes_out_after_it()
    {
        MoveToNextDayAt(10);
        var user = await PushUserAsync();
        // One tip done: the model now expects a reward above the threshold (0) for the others, so a push is worth it.
        var first = (await user.GetTip())!;
        await user.React(first.TipId, Reaction.Done, 30_000);
        var now = cluster.Clock.GetUtcNow();
        await ApplyEntriesAsync(
            user,
            new CalendarEntry("meeting", now - TimeSpan.FromMinutes(5), now + TimeSpan.FromMinutes(30), Busy: true, AllDay: false, null),
            new CalendarEntry("standup", now + TimeSpan.FromMinutes(40), now + TimeSpan.FromMinutes(55), Busy: true, AllDay: false, null),
            new CalendarEntry("focus", now + TimeSpan.FromHours(2), now + TimeSpan.FromHours(3), Busy: false, AllDay: false, null),
            new CalendarEntry("holiday", Midnight(now), Midnight(now).AddDays(1), Busy: true, AllDay: true, null));

        var inMeeting = await user.DeliverNow();
        Assert.Equal(("InMeeting", null), (inMeeting.Reason, inMeeting.TipId));
        Assert.Equal("InMeeting", (await cluster.Grains.GetGrain<IUserCalendar>(user.GetPrimaryKeyString()).GetLastPushDecision())?.Reason);
        Assert.Equal(("InMeeting", now), ((await user.GetAdminView())!.Push!.LastDecision, (await user.GetAdminView())!.Push!.LastDecisionAt));

        // Between the two meetings but within the lead (10 minutes) of the second: still held back.
        cluster.Clock.SetUtcNow(now + TimeSpan.FromMinutes(32));
        Assert.Equal("InMeeting", (await user.DeliverNow()).Reason);

        // After the standup, in a free event (transparent) and on an all-day event: the push goes out.
        cluster.Clock.SetUtcNow(now + TimeSpan.FromMinutes(56));
        var after = await user.DeliverNow();
        Assert.Equal("Send", after.Reason);
        Assert.NotNull(after.TipId);
        Assert.Equal(2, (await user.GetSummary()).Stats.TipsServed);
    }

    [Fact]
    public async Task A_reminder_candidate_appears_ahead_of_an_event_with_attendees_and_not_of_one_without()
    {
        MoveToNextDayAt(9);
        var user = await PushUserAsync();
        var now = cluster.Clock.GetUtcNow();
        var review = Midnight(now).AddHours(15);
        await ApplyEntriesAsync(
            user,
            new CalendarEntry("review", review, review.AddHours(1), Busy: true, AllDay: false, ReminderTitle: "Design review"),
            new CalendarEntry("lunch", review.AddMinutes(-30), review, Busy: true, AllDay: false, ReminderTitle: null));

        await user.GetTip();
        Assert.DoesNotContain((await user.GetAdminView())!.Candidates ?? [], c => c.PromptVersion == "calendar-1");

        cluster.Clock.SetUtcNow(review.AddMinutes(-90));
        await user.GetTip();

        var reminder = Assert.Single((await user.GetAdminView())!.Candidates ?? [], c => c.PromptVersion == "calendar-1");
        Assert.Equal(("reminder", "Prepare for 15:00 Design review"), (reminder.Kind, reminder.Content));
        Assert.Equal(review, reminder.ExpiresAt);

        cluster.Clock.SetUtcNow(review.AddMinutes(1));
        await user.GetTip();
        Assert.DoesNotContain((await user.GetAdminView())!.Candidates ?? [], c => c.PromptVersion == "calendar-1");
    }

    [Fact]
    public async Task Disconnecting_the_calendar_takes_its_reminders_away_at_once()
    {
        MoveToNextDayAt(9);
        var user = await PushUserAsync();
        var review = Midnight(cluster.Clock.GetUtcNow()).AddHours(10);
        await ApplyEntriesAsync(user, new CalendarEntry("review", review, review.AddHours(1), Busy: true, AllDay: false, ReminderTitle: "Salary talk"));
        await user.GetTip();
        Assert.Single((await user.GetAdminView())!.Candidates ?? [], c => c.PromptVersion == "calendar-1");

        Assert.True(await user.Disconnect(ScriptedTaskSource.ProviderName));

        Assert.DoesNotContain((await user.GetAdminView())!.Candidates ?? [], c => c.PromptVersion == "calendar-1");
        var tip = await user.GetTip();
        Assert.DoesNotContain("Salary talk", tip?.Content ?? "", StringComparison.Ordinal);
        // Still gone after the grain comes back from storage.
        await cluster.Cluster.DeactivateAsync(user);
        Assert.DoesNotContain((await user.GetAdminView())!.Candidates ?? [], c => c.PromptVersion == "calendar-1");
    }

    [Fact]
    public async Task The_free_slot_before_the_next_meeting_reaches_the_explainability_log()
    {
        MoveToNextDayAt(11);
        var user = await PushUserAsync();
        var now = cluster.Clock.GetUtcNow();
        await ApplyEntriesAsync(user, new CalendarEntry("sync", now.AddMinutes(60), now.AddMinutes(90), Busy: true, AllDay: false, null));

        var tip = (await user.GetTip())!;

        var row = Assert.Single(cluster.Analytics.Served, r => r.TipId == tip.TipId);
        var log = DecisionLogEntry.TryParse(row.DecisionJson)!;
        var slot = log.FeatureNames.ToList().IndexOf("free_slot_x_task");
        var busy = log.FeatureNames.ToList().IndexOf("busy_now_x_task");
        Assert.True(slot >= 0 && busy >= 0);
        // Sixty free minutes of a 240-minute cap, for each task candidate; not busy now.
        var tasks = log.Candidates.Where(c => c.Key.StartsWith(ScriptedTaskSource.ProviderName + ":", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(tasks);
        Assert.All(tasks, c => Assert.Equal((0.25, 0.0), (Math.Round(c.Features[slot], 3), c.Features[busy])));
    }

    private static DateTimeOffset Midnight(DateTimeOffset at) => new(at.UtcDateTime.Date, TimeSpan.Zero);

    private static SourceTask Open(string sourceRef, string content) => new(sourceRef, content, 1, null, null, DateTimeOffset.UnixEpoch);

    /// <summary>Hands the user grain a snapshot of the scripted source with these events (a version no poll reaches).</summary>
    private static async Task ApplyEntriesAsync(IUserGrain user, params CalendarEntry[] entries)
    {
        var snapshot = new TaskSnapshot(ScriptedTaskSource.ProviderName, long.MaxValue / 2 + Random.Shared.Next(1000), DateTimeOffset.UtcNow, Tasks) { Entries = entries };
        await user.ApplySnapshot(snapshot);
        var kept = await user.Cast<IUserCalendar>().GetCalendarEntries();
        Assert.Equal(entries.Length, kept.Count);
    }

    /// <summary>A synced user with the tasks, in UTC, notifications on at every hour, and one device.</summary>
    private async Task<IUserGrain> PushUserAsync()
    {
        var (user, _, _) = await cluster.NewSyncedUserAsync(a => a.SetTasks(Tasks));
        await cluster.Until(async () => (await user.AwaitTipState(TimeSpan.Zero)) == TipState.Ready, "the tasks");
        await user.UpdateSettings(new UserSettings("UTC", new TimeOnly(0, 0), new TimeOnly(0, 0), 3, Notify: true));
        await user.AddPushSubscription(new PushSubscriptionData($"https://push.example/{Guid.NewGuid():N}", "p256dh", "auth"));
        return user;
    }

    private void MoveToNextDayAt(int hour)
    {
        var now = cluster.Clock.GetUtcNow();
        cluster.Clock.SetUtcNow(new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(hour), TimeSpan.Zero));
    }
}
