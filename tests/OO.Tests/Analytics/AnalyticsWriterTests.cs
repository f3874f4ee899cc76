using System.Data.Common;
using Npgsql;
using OO.Grains.Analytics;
using OO.Silo.Configuration;
using OO.Silo.Storage;
using OO.Testing;
using OO.Tests.Infrastructure;

namespace OO.Tests.Analytics;

/// <summary>Every analytics path, on both engines: rows, rewards, audit, erasure, retention, refused rows, a full queue, deadlines.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AnalyticsWriterTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Served_rows_every_reward_and_audit_rows_are_written_and_erasing_a_user_removes_only_theirs(string engine)
    {
        await using var test = await WriterUnderTest.CreateAsync(postgres, engine);
        await test.StartAsync();
        var (user, other) = (WriterUnderTest.NewUserId(), WriterUnderTest.NewUserId());
        var now = test.Time.GetUtcNow();
        var reactions = new[] { ("done", 1.0), ("snooze", 0.0), ("dismiss", -0.5), ("completed-in-source", 0.5) };
        foreach (var (reaction, reward) in reactions)
        {
            var served = WriterUnderTest.Served(user, now);
            test.Sink.Served(served);
            test.Sink.Rewarded(WriterUnderTest.Reward(served, reaction, reward, now));
        }

        var kept = WriterUnderTest.Served(other, now);
        test.Sink.Served(kept);
        test.Sink.Rewarded(WriterUnderTest.Reward(kept, "done", 0.5, now));
        await test.Sink.AuditAsync(new AuditRecord(now, "admin-id", "reset-bandit", user, null), CancellationToken.None);
        await test.Sink.AuditAsync(new AuditRecord(now, "admin-id", "reset-bandit", other, null), CancellationToken.None);

        // The audit row is acknowledged after every row queued before it.
        Assert.Equal(4, await test.RowsAsync("oo_served_tips", $"user_id = '{user}'"));
        Assert.Equal(
            ["completed-in-source", "dismiss", "done", "snooze"],
            await AnalyticsRows.ReadAsync(test.Settings, $"SELECT reaction FROM oo_rewards WHERE user_id = '{user}' ORDER BY reaction"));
        Assert.Equal(1, await test.RowsAsync("oo_audit", $"target = '{user}' AND action = 'reset-bandit' AND actor = 'admin-id'"));

        await test.Sink.EraseUserAsync(user, CancellationToken.None);

        foreach (var (table, column) in new[] { ("oo_served_tips", "user_id"), ("oo_rewards", "user_id"), ("oo_audit", "target") })
        {
            Assert.Equal(0, await test.RowsAsync(table, $"{column} = '{user}'"));
            Assert.Equal(1, await test.RowsAsync(table, $"{column} = '{other}'"));
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_row_the_database_refuses_is_parked_and_the_rest_of_its_batch_and_later_rows_are_written(string engine)
    {
        await using var test = await WriterUnderTest.CreateAsync(postgres, engine);
        var (user, poisoner) = (WriterUnderTest.NewUserId(), WriterUnderTest.NewUserId());
        var now = test.Time.GetUtcNow();
        var before = WriterUnderTest.Served(user, now);
        var poison = WriterUnderTest.Served(poisoner, now, policy: null);
        var after = WriterUnderTest.Served(user, now);
        // Queued before the writer starts, so the three are one batch.
        test.Sink.Served(before);
        test.Sink.Served(poison);
        test.Sink.Served(after);
        await test.StartAsync();

        await test.Sink.AuditAsync(new AuditRecord(now, "admin-id", "set-policy", user, "thompson"), CancellationToken.None);
        var later = WriterUnderTest.Served(user, now);
        test.Sink.Served(later);
        await test.Sink.EraseUserAsync(WriterUnderTest.NewUserId(), CancellationToken.None);

        Assert.Equal(3, await test.RowsAsync("oo_served_tips", $"user_id = '{user}'"));
        Assert.Equal(0, await test.RowsAsync("oo_served_tips", $"tip_id = '{poison.TipId}'"));
        Assert.Equal(1, await test.RowsAsync("oo_audit", $"target = '{user}'"));
        var error = Assert.Single(await AnalyticsRows.ReadAsync(test.Settings, $"SELECT error FROM oo_dead_letters WHERE user_id = '{poisoner}' AND kind = 'served'"));
        Assert.Contains("policy", error, StringComparison.Ordinal);
        var payload = Assert.Single(await AnalyticsRows.ReadAsync(test.Settings, $"SELECT payload_json FROM oo_dead_letters WHERE user_id = '{poisoner}'"));
        Assert.Contains(poison.TipId, payload, StringComparison.Ordinal);
        Assert.Equal(1, test.Count("oo.analytics.dead_letters"));

        // A dead letter is the user's data too: erasing them removes it.
        await test.Sink.EraseUserAsync(poisoner, CancellationToken.None);
        Assert.Equal(0, await test.RowsAsync("oo_dead_letters", $"user_id = '{poisoner}'"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_retention_sweep_deletes_old_explainability_rows_and_dead_letters_and_keeps_audit_rows(string engine)
    {
        await using var test = await WriterUnderTest.CreateAsync(postgres, engine, o => o.Retention = TimeSpan.FromDays(30));
        await test.StartAsync();
        var user = WriterUnderTest.NewUserId();
        var old = WriterUnderTest.Served(user, test.Time.GetUtcNow());
        test.Sink.Served(old);
        test.Sink.Rewarded(WriterUnderTest.Reward(old, "done", 1.0, test.Time.GetUtcNow()));
        test.Sink.Served(WriterUnderTest.Served(user, test.Time.GetUtcNow(), policy: null));
        await test.Sink.AuditAsync(new AuditRecord(test.Time.GetUtcNow(), "admin-id", "reset-bandit", user, null), CancellationToken.None);
        Assert.Equal(1, await test.RowsAsync("oo_dead_letters", $"user_id = '{user}'"));

        test.Time.Advance(TimeSpan.FromDays(31));
        var fresh = WriterUnderTest.Served(user, test.Time.GetUtcNow());
        test.Sink.Served(fresh);

        await test.Eventually(async () => await test.RowsAsync("oo_served_tips", $"tip_id = '{old.TipId}'") == 0, "the sweep after the fresh row");
        Assert.Equal(0, await test.RowsAsync("oo_rewards", $"tip_id = '{old.TipId}'"));
        Assert.Equal(0, await test.RowsAsync("oo_dead_letters", $"user_id = '{user}'"));
        Assert.Equal(1, await test.RowsAsync("oo_served_tips", $"tip_id = '{fresh.TipId}'"));
        Assert.Equal(1, await test.RowsAsync("oo_audit", $"target = '{user}'"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Audit_and_erase_give_up_at_their_deadline_while_the_database_is_locked_and_are_written_once_it_answers(string engine)
    {
        await using var test = await WriterUnderTest.CreateAsync(
            postgres,
            engine,
            o => o.AcknowledgeTimeout = TimeSpan.FromSeconds(10),
            // SQLite waits this long (real time) for a lock before answering "busy", which the writer retries.
            s =>
            {
                if (engine == "sqlite")
                {
                    s["OO:Storage:ConnectionString"] = $"Data Source={Path.Combine(s["OO:DataDirectory"]!, "oo.db")};Default Timeout=1";
                }
            });
        await test.StartAsync();
        var user = WriterUnderTest.NewUserId();
        var served = WriterUnderTest.Served(user, test.Time.GetUtcNow());
        test.Sink.Served(served);
        await test.Eventually(async () => await test.RowsAsync("oo_served_tips", $"tip_id = '{served.TipId}'") == 1, "the served row");

        await using (var connection = await AnalyticsRows.OpenAsync(test.Settings))
        await using (var blocker = await connection.BeginTransactionAsync())
        {
            await HoldWriteLockAsync(connection, blocker, engine);
            var audit = test.Sink.AuditAsync(new AuditRecord(test.Time.GetUtcNow(), "admin-id", "reset-bandit", user, null), CancellationToken.None);
            var erase = test.Sink.EraseUserAsync(user, CancellationToken.None);
            Assert.False(audit.IsCompleted);

            test.Time.Advance(TimeSpan.FromSeconds(10));

            await Assert.ThrowsAsync<TimeoutException>(() => audit);
            await Assert.ThrowsAsync<TimeoutException>(() => erase);
            await blocker.CommitAsync();
        }

        // Both stayed queued: the audit row is written, then the erasure deletes it with the user's other rows.
        await test.Eventually(async () => await test.RowsAsync("oo_served_tips", $"user_id = '{user}'") == 0, "the queued erasure");
        Assert.Equal(0, await test.RowsAsync("oo_audit", $"target = '{user}'"));
        var next = WriterUnderTest.NewUserId();
        await test.Sink.AuditAsync(new AuditRecord(test.Time.GetUtcNow(), "admin-id", "reset-bandit", next, null), CancellationToken.None);
        Assert.Equal(1, await test.RowsAsync("oo_audit", $"target = '{next}'"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rows_beyond_the_queue_capacity_are_dropped_and_counted_but_audit_rows_are_not(string engine)
    {
        await using var test = await WriterUnderTest.CreateAsync(postgres, engine, o => o.QueueCapacity = 2);
        var user = WriterUnderTest.NewUserId();
        for (var i = 0; i < 5; i++)
        {
            test.Sink.Served(WriterUnderTest.Served(user, test.Time.GetUtcNow()));
        }

        var audit = test.Sink.AuditAsync(new AuditRecord(test.Time.GetUtcNow(), "admin-id", "reset-bandit", user, null), CancellationToken.None);
        Assert.Equal(3, test.Count("oo.analytics.dropped"));

        await test.StartAsync();
        await audit;

        Assert.Equal(2, await test.RowsAsync("oo_served_tips", $"user_id = '{user}'"));
        Assert.Equal(1, await test.RowsAsync("oo_audit", $"target = '{user}'"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_database_created_with_the_first_analytics_schema_accepts_completed_in_source_after_the_migration(string engine)
    {
        await using var test = await WriterUnderTest.CreateAsync(postgres, engine, before: settings => InstallFirstAnalyticsSchemaAsync(settings, engine));
        await test.StartAsync();
        var served = WriterUnderTest.Served(WriterUnderTest.NewUserId(), test.Time.GetUtcNow());
        test.Sink.Served(served);
        test.Sink.Rewarded(WriterUnderTest.Reward(served, "completed-in-source", 0.5, test.Time.GetUtcNow()));
        // Acknowledged after the rows queued before it.
        await test.Sink.EraseUserAsync(WriterUnderTest.NewUserId(), CancellationToken.None);

        Assert.Equal(["completed-in-source"], await AnalyticsRows.ReadAsync(test.Settings, $"SELECT reaction FROM oo_rewards WHERE tip_id = '{served.TipId}'"));
        Assert.Equal(0, await test.RowsAsync("oo_dead_letters", "1 = 1"));
    }

    /// <summary>The schema as the first release left it: scripts 001–003 applied and recorded, nothing newer.</summary>
    private static async Task InstallFirstAnalyticsSchemaAsync(IReadOnlyDictionary<string, string?> settings, string engine)
    {
        var scripts = SchemaInstaller.Scripts(engine == "sqlite" ? StorageProvider.Sqlite : StorageProvider.Postgres)
            .Where(s => string.CompareOrdinal(s.Name, "004") < 0)
            .ToList();
        await using var connection = await AnalyticsRows.OpenAsync(settings);
        await ExecuteAsync(connection, "CREATE TABLE oo_schema_migrations (name varchar(200) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL)");
        foreach (var (name, sql) in scripts)
        {
            await ExecuteAsync(connection, sql);
            await ExecuteAsync(connection, $"INSERT INTO oo_schema_migrations (name, applied_at) VALUES ('{name}', '2026-01-01T00:00:00Z')");
        }

        if (engine == "postgres")
        {
            // What the writer met before the migration.
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, """
                INSERT INTO oo_rewards (tip_id, user_id, reacted_at, reaction, dwell_ms, reward)
                VALUES ('tip-old', 'u-old', now(), 'completed-in-source', NULL, 0.5)
                """));
            Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, refused.SqlState);
        }
    }

    private static async Task HoldWriteLockAsync(DbConnection connection, DbTransaction transaction, string engine)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // PostgreSQL: the writer's insert waits on the table lock. SQLite: the open transaction began
        // IMMEDIATE and already holds the write lock, so the writer's transaction is answered "busy".
        command.CommandText = engine == "postgres" ? "LOCK TABLE oo_audit IN ACCESS EXCLUSIVE MODE" : "SELECT 1";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
