using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OO.Grains.Events;
using OO.Grains.Interfaces.Events;
using OO.Silo.Events;
using OO.Testing;
using OO.Tests.Infrastructure;

namespace OO.Tests.Events;

/// <summary>The event writer's deadlines: an erasure confirms within 3 s or stays queued; shutdown gives up on a dead database in its budget.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EventWriterTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_unconfirmed_erasure_times_out_within_three_seconds_stays_queued_and_is_applied_once_the_writer_runs()
    {
        var time = new FakeTimeProvider(Start);
        await using var test = await EventsUnderTest.CreateAsync(postgres, "sqlite", time);
        var sink = (IEventSink)test.Writer;
        var user = $"u{Guid.NewGuid():N}";
        var other = $"u{Guid.NewGuid():N}";
        sink.Publish(EventPayload.Create(EventSubjects.IntegrationConnected, user, Start, new { provider = "demo" }));

        // The writer is not running yet: nothing can confirm the erasure.
        var erase = test.Writer.EraseUserAsync(user, CancellationToken.None);
        sink.Publish(EventPayload.Create(EventSubjects.IntegrationConnected, other, Start, new { provider = "demo" }));
        time.Advance(EventLogOptions.MaxAcknowledgeTimeout);

        await Assert.ThrowsAsync<TimeoutException>(() => erase.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(new EventLogOptions().AcknowledgeTimeout <= TimeSpan.FromSeconds(3));

        await test.StartAsync();
        await Eventually.True(async () => await test.RowsAsync($"user_id = '{other}'") == 1, TimeSpan.FromSeconds(20), "the event queued after the erasure");
        Assert.Equal(0, await test.RowsAsync($"user_id = '{user}'"));
    }

    [Fact]
    public async Task Shutdown_with_the_database_down_ends_within_its_budget_and_logs_the_events_not_written()
    {
        var time = new FakeTimeProvider(Start);
        await using var test = EventsUnderTest.Unreachable(time, o => o.ShutdownDrainTimeout = TimeSpan.FromSeconds(5));
        await test.StartAsync();
        var sink = (IEventSink)test.Writer;
        for (var i = 0; i < 7; i++)
        {
            sink.Publish(EventPayload.Create(EventSubjects.IntegrationConnected, "u-down", Start, new { provider = "demo" }));
        }

        await Eventually.True(
            () => Task.FromResult(test.Logger.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Writing 7 events failed", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(20),
            "a failed write");

        var stop = test.Writer.StopAsync(CancellationToken.None);
        // The fake clock moves retries and the budget alike; without a budget the writer retries for ever.
        await Eventually.True(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return Task.FromResult(stop.IsCompleted);
            },
            TimeSpan.FromSeconds(30),
            "the writer to stop");

        await stop;
        Assert.Contains(test.Logger.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("The event writer stopped with 7 events not written", StringComparison.Ordinal));
    }
}
