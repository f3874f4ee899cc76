using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Options;
using OO.Grains.Analytics;
using OO.Grains.Interfaces.Events;
using OO.Silo.Analytics;
using OO.Silo.Configuration;
using OO.Silo.Storage;

namespace OO.Silo.Events;

/// <summary>
/// Reads <c>oo_events</c>: history by filter, a live tail that polls the table (every silo writes to the same
/// database, so a tail on one silo shows events of all), and replay (<see cref="EventReplayer"/>).
/// </summary>
internal sealed class EventLog(Database database, IOptions<EventLogOptions> options, TimeProvider time, EventReplayer replayer) : IEventLog
{
    /// <summary>Rows one query returns at most.</summary>
    public const int MaxLimit = 1000;

    private readonly EventLogOptions _options = options.Value;

    public async Task<IReadOnlyList<OOEvent>> QueryAsync(EventFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, filter, filter.AfterId, newestFirst: true, cancellationToken);
    }

    public async IAsyncEnumerable<OOEvent> TailAsync(EventFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long floor;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            floor = filter.AfterId ?? await NewestIdAsync(connection, cancellationToken);
        }

        // Ids are taken before commit, so on PostgreSQL another silo's row may appear below one already shown: ids
        // seen in the last TailSettleTime are remembered and the floor stays below them until then.
        var seen = new Dictionary<long, DateTimeOffset>();
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<OOEvent> rows;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                rows = await ReadAsync(connection, filter with { Limit = MaxLimit }, floor, newestFirst: false, cancellationToken);
            }

            var now = time.GetUtcNow();
            foreach (var row in rows)
            {
                if (seen.TryAdd(row.Id, now))
                {
                    yield return row;
                }
            }

            var settled = seen.Where(s => now - s.Value >= _options.TailSettleTime).Select(s => s.Key).DefaultIfEmpty(floor).Max();
            var unsettled = seen.Where(s => now - s.Value < _options.TailSettleTime).Select(s => s.Key).DefaultIfEmpty(long.MaxValue).Min();
            floor = Math.Max(floor, Math.Min(settled, unsettled - 1));
            foreach (var id in seen.Keys.Where(id => id <= floor).ToList())
            {
                seen.Remove(id);
            }

            await Task.Delay(_options.TailPollInterval, time, cancellationToken);
        }
    }

    public Task<ReplayResult> ReplayAsync(long eventId, string actingAdminId, CancellationToken cancellationToken) =>
        replayer.ReplayAsync(eventId, actingAdminId, cancellationToken);

    /// <summary>One stored event, or null.</summary>
    internal static async Task<OOEvent?> FindAsync(Database database, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var sql = connection.CreateCommand();
        sql.CommandText = $"SELECT {Columns(database.Engine)} FROM oo_events WHERE id = @id";
        AnalyticsCommand.Add(sql, "id", id);
        await using var reader = await sql.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The subjects a prefix selects; empty when it selects none.</summary>
    public static IReadOnlyList<string> SubjectsOf(string prefix) =>
        EventSubjects.All.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private static string Columns(StorageProvider engine) => engine == StorageProvider.Postgres
        ? "id, subject, user_id, at, payload_json::text"
        : "id, subject, user_id, at, payload_json";

    private async Task<IReadOnlyList<OOEvent>> ReadAsync(
        DbConnection connection, EventFilter filter, long? afterId, bool newestFirst, CancellationToken cancellationToken)
    {
        await using var sql = connection.CreateCommand();
        var text = new StringBuilder($"SELECT {Columns(database.Engine)} FROM oo_events WHERE 1 = 1");
        if (filter.SubjectPrefix is { Length: > 0 } prefix)
        {
            var subjects = SubjectsOf(prefix);
            if (subjects.Count == 0)
            {
                return [];
            }

            text.Append(" AND subject IN (").AppendJoin(", ", subjects.Select((_, i) => $"@s{i}")).Append(')');
            for (var i = 0; i < subjects.Count; i++)
            {
                AnalyticsCommand.Add(sql, $"s{i}", subjects[i]);
            }
        }

        if (filter.UserId is { } user)
        {
            text.Append(" AND user_id = @user");
            AnalyticsCommand.Add(sql, "user", user);
        }

        if (filter.Since is { } since)
        {
            text.Append(" AND at >= @since");
            AnalyticsCommand.Add(sql, "since", EventTimestamps.ToDatabase(database.Engine, since));
        }

        if (filter.Until is { } until)
        {
            text.Append(" AND at < @until");
            AnalyticsCommand.Add(sql, "until", EventTimestamps.ToDatabase(database.Engine, until));
        }

        if (afterId is { } after)
        {
            text.Append(" AND id > @after");
            AnalyticsCommand.Add(sql, "after", after);
        }

        text.Append(newestFirst ? " ORDER BY id DESC" : " ORDER BY id").Append(" LIMIT @limit");
        AnalyticsCommand.Add(sql, "limit", Math.Clamp(filter.Limit, 1, MaxLimit));
        sql.CommandText = text.ToString();
        var events = new List<OOEvent>();
        await using var reader = await sql.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }

        return events;
    }

    private static async Task<long> NewestIdAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var sql = connection.CreateCommand();
        sql.CommandText = "SELECT COALESCE(MAX(id), 0) FROM oo_events";
        return Convert.ToInt64(await sql.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static OOEvent Read(DbDataReader reader) => new(
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        EventTimestamps.FromDatabase(reader.GetValue(3)),
        reader.GetString(4),
        reader.GetInt64(0));
}
