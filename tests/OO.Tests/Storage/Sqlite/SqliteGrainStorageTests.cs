using Microsoft.Extensions.DependencyInjection;
using OO.Grains;
using OO.Grains.Identity;
using OO.Silo.Storage.Sqlite;
using OO.Testing;
using Orleans.Storage;

namespace OO.Tests.Storage.Sqlite;

/// <summary>
/// The embedded default's grain storage, through the silo's own registered provider: what it acknowledges is on
/// disk, concurrent writes share transactions, ETags guard against lost updates, and databases written by the
/// Orleans ADO.NET provider are read as they are (and the other way round).
/// </summary>
public sealed class SqliteGrainStorageTests
{
    private const string State = "identity";

    [Fact]
    public async Task Acknowledged_writes_from_many_grains_survive_a_restart_and_share_transactions()
    {
        var settings = Fresh();
        var grains = Enumerable.Range(0, 300).Select(i => GrainId.Create("identity", $"dev:{Guid.NewGuid():N}-{i}")).ToList();
        await using (var first = await OOTestHost.StartAsync(settings))
        {
            var metrics = first.Services.GetRequiredService<SqliteStorageMetrics>();
            var (writes, commits) = (metrics.Writes, metrics.Commits);

            await Task.WhenAll(grains.Select(grain => Storage(first).WriteStateAsync(State, grain, Identity(grain))));

            Assert.Equal(grains.Count, metrics.Writes - writes);
            Assert.True(metrics.Commits - commits < grains.Count, $"{grains.Count} concurrent writes took {metrics.Commits - commits} transactions");
        }

        await using var second = await OOTestHost.StartAsync(settings);
        var read = await Task.WhenAll(grains.Select(async grain =>
        {
            var state = new GrainState<IdentityState>();
            await Storage(second).ReadStateAsync(State, grain, state);
            return (grain, state);
        }));
        Assert.All(read, r =>
        {
            Assert.True(r.state.RecordExists);
            Assert.Equal("1", r.state.ETag);
            Assert.Equal(UserOf(r.grain), r.state.State?.UserId);
        });
    }

    [Fact]
    public async Task A_read_sees_the_last_acknowledged_write()
    {
        await using var host = await OOTestHost.StartAsync(Fresh());
        var grain = GrainId.Create("identity", $"dev:{Guid.NewGuid():N}");
        var state = new GrainState<IdentityState>(new IdentityState());

        for (var i = 1; i <= 20; i++)
        {
            state.State = new IdentityState { UserId = $"user-{i}" };
            await Storage(host).WriteStateAsync(State, grain, state);

            var read = new GrainState<IdentityState>();
            await Storage(host).ReadStateAsync(State, grain, read);
            Assert.Equal($"user-{i}", read.State?.UserId);
            Assert.Equal(state.ETag, read.ETag);
        }
    }

    [Fact]
    public async Task A_stale_etag_is_refused_and_changes_nothing()
    {
        await using var host = await OOTestHost.StartAsync(Fresh());
        var storage = Storage(host);
        var grain = GrainId.Create("identity", $"dev:{Guid.NewGuid():N}");
        var mine = new GrainState<IdentityState>(new IdentityState { UserId = "first" });
        await storage.WriteStateAsync(State, grain, mine);
        var theirs = new GrainState<IdentityState>();
        await storage.ReadStateAsync(State, grain, theirs);
        theirs.State = new IdentityState { UserId = "second" };
        await storage.WriteStateAsync(State, grain, theirs);

        mine.State = new IdentityState { UserId = "lost update" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(State, grain, mine));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(State, grain, mine));
        var creator = new GrainState<IdentityState>(new IdentityState { UserId = "a second creator" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(State, grain, creator));

        var stored = new GrainState<IdentityState>();
        await storage.ReadStateAsync(State, grain, stored);
        Assert.Equal("second", stored.State?.UserId);
        Assert.Equal("2", stored.ETag);
    }

    [Fact]
    public async Task Clearing_deletes_the_row()
    {
        var settings = Fresh();
        await using var host = await OOTestHost.StartAsync(settings);
        var storage = Storage(host);
        var grain = GrainId.Create("identity", $"dev:{Guid.NewGuid():N}");
        var state = new GrainState<IdentityState>(new IdentityState { UserId = "forget me" });
        await storage.WriteStateAsync(State, grain, state);

        await storage.ClearStateAsync(State, grain, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Empty(await AnalyticsRows.ReadAsync(settings, $"SELECT Version FROM OrleansStorage WHERE GrainIdExtensionString = '{grain.Key}'"));
        var read = new GrainState<IdentityState>();
        await storage.ReadStateAsync(State, grain, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.State?.UserId);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task State_and_reminders_written_by_one_provider_are_read_and_updated_by_the_other(bool firstGroupCommit, bool secondGroupCommit)
    {
        var settings = Fresh();
        var grain = GrainId.Create("identity", $"dev:{Guid.NewGuid():N}");
        var user = GrainId.Create("user", Guid.NewGuid().ToString("N"));
        settings["OO:Storage:Sqlite:GroupCommit"] = firstGroupCommit.ToString();
        await using (var first = await OOTestHost.StartAsync(settings))
        {
            Assert.Equal(firstGroupCommit, Storage(first) is SqliteGrainStorage);
            var state = new GrainState<IdentityState>(new IdentityState { UserId = "u-1" });
            await Storage(first).WriteStateAsync(State, grain, state);
            await Storage(first).WriteStateAsync(State, grain, state);
            await first.Services.GetRequiredService<IReminderTable>().UpsertRow(new ReminderEntry
            {
                GrainId = user, ReminderName = "deliver", StartAt = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc), Period = TimeSpan.FromMinutes(5),
            });
        }

        settings["OO:Storage:Sqlite:GroupCommit"] = secondGroupCommit.ToString();
        await using var second = await OOTestHost.StartAsync(settings);
        Assert.Equal(secondGroupCommit, Storage(second) is SqliteGrainStorage);
        var read = new GrainState<IdentityState>();
        await Storage(second).ReadStateAsync(State, grain, read);
        Assert.Equal("u-1", read.State?.UserId);
        Assert.Equal("2", read.ETag);
        read.State = new IdentityState { UserId = "u-2" };
        await Storage(second).WriteStateAsync(State, grain, read);
        Assert.Equal("3", read.ETag);

        var reminders = second.Services.GetRequiredService<IReminderTable>();
        var reminder = await reminders.ReadRow(user, "deliver");
        Assert.NotNull(reminder);
        Assert.Equal(new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc), reminder.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), reminder.Period);
        Assert.Contains((await reminders.ReadRows(user)).Reminders, r => r.ReminderName == "deliver");
        Assert.Contains((await reminders.ReadRows(0, 0)).Reminders, r => r.GrainId == user);
        Assert.True(await reminders.RemoveRow(user, "deliver", reminder.ETag!));
        Assert.Null(await reminders.ReadRow(user, "deliver"));
    }

    private static Dictionary<string, string?> Fresh() =>
        new() { ["OO:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"oo-test-{Guid.NewGuid():N}"), ["OO:Storage:Provider"] = "sqlite" };

    private static IGrainStorage Storage(OOTestHost host) => host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);

    private static GrainState<IdentityState> Identity(GrainId grain) => new(new IdentityState { UserId = UserOf(grain) });

    private static string UserOf(GrainId grain) => $"user-of-{grain.Key}";
}
