using OO.Grains.Events;
using OO.Grains.Interfaces.Events;
using OO.Silo.Events;
using OO.Testing;
using OO.Tests.Infrastructure;

namespace OO.Tests.Events;

/// <summary>The live tail against the table: it keeps up with a burst many pages long, and shows a row committed late once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EventTailTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_tail_keeps_up_with_a_burst_of_five_pages_and_shows_each_event_once_in_order(string engine)
    {
        const int Burst = 5 * EventLog.MaxLimit;
        await using var test = await EventsUnderTest.CreateAsync(postgres, engine, TimeProvider.System, o => o.QueueCapacity = 2 * Burst);
        await test.StartAsync();
        var user = $"u{Guid.NewGuid():N}";
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var shown = new List<long>();
        var tail = Task.Run(async () =>
        {
            await foreach (var row in test.Log.TailAsync(new EventFilter(UserId: user, AfterId: 0), stop.Token))
            {
                shown.Add(row.Id);
                if (shown.Count == Burst)
                {
                    return DateTimeOffset.UtcNow;
                }
            }

            return DateTimeOffset.MaxValue;
        });

        var sink = (IEventSink)test.Writer;
        for (var i = 0; i < Burst; i++)
        {
            sink.Publish(EventPayload.Create(EventSubjects.TipServed, user, DateTimeOffset.UtcNow, new { n = i }));
        }

        await Eventually.True(async () => await test.RowsAsync($"user_id = '{user}'") == Burst, TimeSpan.FromSeconds(60), "the burst stored");
        var storedAt = DateTimeOffset.UtcNow;
        var caughtUpAt = await tail;

        // The settle time is 5 s; the old tail re-read one page per settle time (about 25 s for this burst).
        Assert.InRange(caughtUpAt - storedAt, TimeSpan.MinValue, TimeSpan.FromSeconds(3));
        Assert.Equal(Burst, shown.Distinct().Count());
        Assert.Equal(shown.Order(), shown);
    }

    [Fact]
    public async Task A_row_committed_below_an_id_already_shown_is_shown_once()
    {
        await using var test = await EventsUnderTest.CreateAsync(postgres, "sqlite", TimeProvider.System, o => o.TailPollInterval = TimeSpan.FromMilliseconds(50));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var rows = test.Log.TailAsync(new EventFilter(AfterId: 0), stop.Token).GetAsyncEnumerator(stop.Token);

        await InsertAsync(test, 100);
        Assert.True(await rows.MoveNextAsync());
        Assert.Equal(100, rows.Current.Id);
        // As if another silo took id 50 before 100 but committed after it.
        await InsertAsync(test, 50);
        Assert.True(await rows.MoveNextAsync());
        Assert.Equal(50, rows.Current.Id);
        await InsertAsync(test, 101);
        Assert.True(await rows.MoveNextAsync());
        Assert.Equal(101, rows.Current.Id);
        // The poll that finds 102 reads the gap first: a second showing of 50 would come before it.
        await InsertAsync(test, 102);
        Assert.True(await rows.MoveNextAsync());
        Assert.Equal(102, rows.Current.Id);
    }

    private static async Task InsertAsync(EventsUnderTest test, long id)
    {
        await using var connection = await test.Database.OpenAsync(CancellationToken.None);
        await using var sql = connection.CreateCommand();
        sql.CommandText = $"INSERT INTO oo_events (id, event_key, subject, user_id, at, payload_json) VALUES ({id}, '{Guid.NewGuid():N}', 'admin.action', NULL, '{DateTimeOffset.UtcNow:O}', '{{}}')";
        await sql.ExecuteNonQueryAsync();
    }
}
