using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OO.Silo.Configuration;
using OO.Silo.Storage;
using OO.Silo.Storage.Sqlite;

namespace OO.Tests.Storage.Sqlite;

/// <summary>
/// The writer on its own, with writes queued before it starts so that they are one batch: a batch is one
/// transaction, and a transaction that fails fails every write in it and stores none of them.
/// </summary>
public sealed class SqliteWriterTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"oo-writer-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly SqliteStore _store;
    private readonly SqliteStorageMetrics _metrics;

    public SqliteWriterTests()
    {
        _metrics = new SqliteStorageMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var settings = new HostSettings(Path.GetTempPath(), StorageProvider.Sqlite, ConnectionString, 11111, null, "oo", "oo");
        _store = new SqliteStore(settings, Options.Create(new SqliteStorageOptions()), _metrics, NullLogger<SqliteStore>.Instance);
    }

    public async Task InitializeAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var schema = connection.CreateCommand();
        schema.CommandText = SchemaInstaller.Scripts(StorageProvider.Sqlite).Single(s => s.Name == "001-orleans.sql").Sql;
        await schema.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _store.Writer.StopAsync();
        _store.Dispose();
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private string ConnectionString => $"Data Source={_file}";

    [Fact]
    public async Task Writes_waiting_together_are_committed_in_one_transaction()
    {
        var writes = Enumerable.Range(0, 50).Select(i => _store.Writer.WriteAsync(Write($"grain-{i}"))).ToList();

        _store.Writer.Start();
        var versions = await Task.WhenAll(writes);

        Assert.All(versions, v => Assert.Equal(1, v));
        Assert.Equal(50, _metrics.Writes);
        Assert.Equal(1, _metrics.Commits);
        Assert.Equal(50, await CountRowsAsync());
    }

    [Fact]
    public async Task A_failing_transaction_fails_every_write_in_it_and_stores_none()
    {
        // The database refuses one row of the batch; the transaction it is part of cannot commit.
        await ExecuteAsync("""
            CREATE TRIGGER refuse_poison AFTER INSERT ON OrleansStorage WHEN NEW.GrainIdExtensionString = 'poison'
            BEGIN SELECT RAISE(ABORT, 'refused'); END;
            """);
        var writes = Enumerable.Range(0, 9).Select(i => _store.Writer.WriteAsync(Write($"grain-{i}")))
            .Append(_store.Writer.WriteAsync(Write("poison")))
            .ToList();

        _store.Writer.Start();

        foreach (var write in writes)
        {
            await Assert.ThrowsAsync<OrleansException>(() => write);
        }

        Assert.Equal(0, await CountRowsAsync());
        Assert.Equal(0, _metrics.Writes);
        Assert.Equal(1, _metrics.FailedCommits);

        // The writer goes on: the next batch commits.
        Assert.Equal(1, await _store.Writer.WriteAsync(Write("after")));
        Assert.Equal(1, await CountRowsAsync());
    }

    [Fact]
    public async Task Shared_statements_that_fail_are_undone_alone_and_the_rest_of_their_batch_commits()
    {
        var before = _store.Writer.WriteAsync(Write("before"));
        var refused = _store.Writer.WriteAsync(new SavepointWrite((connection, transaction) =>
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "CREATE TABLE shared_rows (id INTEGER PRIMARY KEY); INSERT INTO shared_rows VALUES (1); INSERT INTO shared_rows VALUES (1);";
            insert.ExecuteNonQuery();
        }));
        var after = _store.Writer.WriteAsync(Write("after"));

        _store.Writer.Start();

        Assert.Equal(19, (await Assert.ThrowsAsync<SqliteException>(() => refused)).SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(1, await before);
        Assert.Equal(1, await after);
        Assert.Equal(1, _metrics.Commits);
        Assert.Equal(2, await CountRowsAsync());
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var table = connection.CreateCommand();
        table.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'shared_rows'";
        Assert.Equal(0L, await table.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_write_queued_after_stop_is_refused_and_what_was_queued_before_is_committed()
    {
        var before = _store.Writer.WriteAsync(Write("before"));
        _store.Writer.Start();
        var stopped = _store.Writer.StopAsync();

        await Assert.ThrowsAsync<OrleansException>(() => _store.Writer.WriteAsync(Write("after")));
        await stopped;
        Assert.Equal(1, await before);
        Assert.Equal(1, await CountRowsAsync());
    }

    private static GrainStateWrite Write(string key) =>
        new(GrainStateKey.For("oo", "identity", GrainId.Create("identity", key)), "{}"u8.ToArray(), expectedVersion: null);

    private async Task<long> CountRowsAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM OrleansStorage";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
