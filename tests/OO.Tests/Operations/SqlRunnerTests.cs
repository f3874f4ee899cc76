using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OO.Admin.Operations;
using OO.Admin.Sql;
using OO.Silo.Configuration;
using OO.Silo.Operations;
using OO.Silo.Storage;
using OO.Testing;
using OO.Tests.Analytics;
using OO.Tests.Infrastructure;

namespace OO.Tests.Operations;

/// <summary>The console's SQL runner on both engines: it reads, limits, stops, audits — and never writes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SqlRunnerTests(PostgresServer postgres)
{
    private const string Table = "console_probe";

    public static TheoryData<string, string> Writes()
    {
        var data = new TheoryData<string, string>();
        string[] writes =
        [
            $"INSERT INTO {Table} (id, name) VALUES (9, 'written')",
            $"UPDATE {Table} SET name = 'written'",
            $"DELETE FROM {Table}",
            $"DROP TABLE {Table}",
            $"CREATE TABLE console_other (id integer)",
            $"ALTER TABLE {Table} ADD COLUMN extra integer",
            "ATTACH DATABASE 'other.db' AS other",
            "PRAGMA user_version = 7",
            "PRAGMA journal_mode = DELETE",
            $"SELECT 1; DELETE FROM {Table}",
            $"SELECT 1 ; -- then\n UPDATE {Table} SET name = 'written'",
            // Past the statement check (they start with WITH): the read-only connection refuses them.
            $"WITH w AS (SELECT 1) INSERT INTO {Table} (id, name) SELECT 9, 'written' FROM w",
            $"WITH w AS (SELECT 1) DELETE FROM {Table} WHERE id IN (SELECT 1 FROM w)",
            $"WITH w AS (SELECT 1) UPDATE {Table} SET name = 'written' WHERE id IN (SELECT 1 FROM w)",
        ];
        foreach (var engine in new[] { "sqlite", "postgres" })
        {
            foreach (var write in writes)
            {
                data.Add(engine, write);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_statement_that_writes_is_refused_and_the_table_is_unchanged(string engine, string sql)
    {
        var test = await ArrangeAsync(engine);

        await Assert.ThrowsAsync<SqlRefusedException>(() => test.Runner.RunAsync("admin-id", sql, CancellationToken.None));

        Assert.Equal(["1|one", "2|two", "3|three"], await test.ContentAsync());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_query_returns_its_columns_and_rows_and_is_audited(string engine)
    {
        var test = await ArrangeAsync(engine);

        var result = await test.Runner.RunAsync("admin-id", $"SELECT id, name, 'a;b' AS note FROM {Table} WHERE id < 3 ORDER BY id;", CancellationToken.None);

        Assert.Equal(["id", "name", "note"], result.Columns);
        Assert.Equal([[1L, "one", "a;b"], [2L, "two", "a;b"]], result.Rows.Select(r => r.Select(v => v is int i ? (long)i : v).ToArray()).ToArray());
        Assert.False(result.Truncated);
        var audited = Assert.Single(test.Audit.Rows);
        Assert.Equal(("admin-id", SqlRunner.AuditAction, "database"), (audited.Actor, audited.Action, audited.Target));
        Assert.Contains("'a;b'", audited.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rows_past_the_limit_are_left_out_and_the_result_says_so(string engine)
    {
        var test = await ArrangeAsync(engine, o => o.MaxRows = 2);

        var result = await test.Runner.RunAsync("admin-id", $"SELECT name FROM {Table} ORDER BY id", CancellationToken.None);

        Assert.Equal(["one", "two"], result.Rows.Select(r => (string)r[0]!));
        Assert.True(result.Truncated);
    }

    [Theory]
    [InlineData("sqlite", "no_such_table")]
    [InlineData("postgres", "no_such_table")]
    public async Task A_failing_query_is_refused_with_the_database_message(string engine, string named)
    {
        var test = await ArrangeAsync(engine);

        var refused = await Assert.ThrowsAsync<SqlRefusedException>(() => test.Runner.RunAsync("admin-id", "SELECT * FROM no_such_table", CancellationToken.None));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_query_that_runs_too_long_is_stopped(string engine)
    {
        var test = await ArrangeAsync(engine, o => o.Timeout = TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;

        var refused = await Assert.ThrowsAsync<SqlRefusedException>(() => test.Runner.RunAsync(
            "admin-id", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c", CancellationToken.None));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), refused.Message);
        Assert.Contains(engine == "sqlite" ? "longer than 0.3 s" : "statement timeout", refused.Message, StringComparison.Ordinal);
    }

    private async Task<Arranged> ArrangeAsync(string engine, Action<SqlRunnerOptions>? configure = null)
    {
        var settings = await new StorageEngine(postgres).FreshAsync(engine);
        var database = await WriterUnderTest.InstallAsync(settings);
        await using (var connection = await AnalyticsRows.OpenAsync(settings))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                CREATE TABLE {Table} (id integer PRIMARY KEY, name text NOT NULL);
                INSERT INTO {Table} (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three');
                """;
            await command.ExecuteNonQueryAsync();
        }

        var host = HostSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Path.GetTempPath());
        var options = new SqlRunnerOptions();
        configure?.Invoke(options);
        var audit = new RecordingAudit();
        return new Arranged(settings, new SqlRunner(new AdminDatabase(database, host), audit, Options.Create(options), new SqliteQueryInterrupter()), audit);
    }

    private sealed record Arranged(IReadOnlyDictionary<string, string?> Settings, SqlRunner Runner, RecordingAudit Audit)
    {
        public Task<List<string>> ContentAsync() =>
            AnalyticsRows.ReadAsync(Settings, $"SELECT id || '|' || name FROM {Table} ORDER BY id");
    }
}
