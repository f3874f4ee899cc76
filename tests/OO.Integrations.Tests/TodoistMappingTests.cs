using OO.Grains.Sources.Todoist;
using OO.Todoist.Api;

namespace OO.Integrations.Tests;

/// <summary>How a Todoist task becomes a candidate: priority, the three due shapes, and its age.</summary>
public sealed class TodoistMappingTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_whole_day_due_date_sets_only_the_day()
    {
        var task = Task(new TodoistDue(new DateOnly(2026, 3, 4), null, null, "mar 4", false), priority: 4);

        var mapped = TodoistTaskSource.Map(task, Berlin, Now);

        Assert.Equal((new DateOnly(2026, 3, 4), (DateTimeOffset?)null, 4), (mapped.DueDate, mapped.DueAt, mapped.Priority));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), mapped.AddedAt);
    }

    [Fact]
    public void A_floating_due_time_is_read_in_the_users_zone()
    {
        var due = new TodoistDue(new DateOnly(2026, 7, 1), new DateTime(2026, 7, 1, 9, 30, 0, DateTimeKind.Unspecified), null, "jul 1 9:30", false);

        var mapped = TodoistTaskSource.Map(Task(due), Berlin, Now);

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 7, 30, 0, TimeSpan.Zero), mapped.DueAt);
        Assert.Equal(new DateOnly(2026, 7, 1), mapped.DueDate);
    }

    [Fact]
    public void A_fixed_due_moment_keeps_its_instant_and_falls_on_the_users_local_day()
    {
        var due = new TodoistDue(new DateOnly(2026, 3, 4), new DateTime(2026, 3, 4, 23, 30, 0, DateTimeKind.Utc), "UTC", "mar 4 23:30", false);

        var mapped = TodoistTaskSource.Map(Task(due), Berlin, Now);

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 23, 30, 0, TimeSpan.Zero), mapped.DueAt);
        Assert.Equal(new DateOnly(2026, 3, 5), mapped.DueDate);
    }

    [Fact]
    public void No_due_date_and_no_added_at_map_to_none_and_now()
    {
        var mapped = TodoistTaskSource.Map(Task(null, priority: 9) with { AddedAt = null }, Berlin, Now);

        Assert.Equal(((DateOnly?)null, (DateTimeOffset?)null, 4, Now), (mapped.DueDate, mapped.DueAt, mapped.Priority, mapped.AddedAt));
    }

    private static TodoistTask Task(TodoistDue? due, int priority = 1) =>
        new("42", "Water the plants", "", priority, due, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), [], "p-inbox");
}
