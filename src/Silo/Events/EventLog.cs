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
        long newest;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            newest = filter.AfterId ?? await NewestIdAsync(connection, cancellationToken);
        }

        // Two cursors. New rows are read above `newest` (the highest id shown), as many pages as there are. Ids are
        // taken before commit, so on PostgreSQL another silo's row may appear below an id already shown: the gap
        // `floor < id <= newest` is read again (ids only) for rows not shown yet. `floor` is the `newest` of a poll at
        // least TailSettleTime ago, so the gap holds only the last few seconds of rows.
        var floor = newest;
        var shown = new HashSet<long>();
        var marks = new Queue<(DateTimeOffset At, long Newest)>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var late = new List<OOEvent>();
            if (newest > floor)
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                var missing = (await IdsAsync(connection, filter, floor, newest, cancellationToken)).Where(id => !shown.Contains(id)).ToList();
                foreach (var chunk in missing.Chunk(MaxLimit))
                {
                    late.AddRange(await ReadAsync(connection, filter with { Limit = MaxLimit }, floor, newestFirst: false, cancellationToken, chunk));
                }
            }

            foreach (var row in late)
            {
                if (shown.Add(row.Id))
                {
                    yield return row;
                }
            }

            while (true)
            {
                IReadOnlyList<OOEvent> page;
                await using (var connection = await database.OpenAsync(cancellationToken))
                {
                    page = await ReadAsync(connection, filter with { Limit = MaxLimit }, newest, newestFirst: false, cancellationToken);
                }

                foreach (var row in page)
                {
                    newest = Math.Max(newest, row.Id);
                    if (shown.Add(row.Id))
                    {
                        yield return row;
                    }
                }

                if (page.Count < MaxLimit)
                {
                    break;
                }
            }

            var now = time.GetUtcNow();
            marks.Enqueue((now, newest));
            while (marks.TryPeek(out var mark) && now - mark.At >= _options.TailSettleTime)
            {
                floor = Math.Max(floor, marks.Dequeue().Newest);
            }

            shown.RemoveWhere(id => id <= floor);
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
        DbConnection connection, EventFilter filter, long? afterId, bool newestFirst, CancellationToken cancellationToken, long[]? ids = null)
    {
        await using var sql = connection.CreateCommand();
        var text = new StringBuilder($"SELECT {Columns(database.Engine)} FROM oo_events WHERE 1 = 1");
        if (ids is not null)
        {
            text.Append(" AND id IN (").AppendJoin(", ", ids.Select((_, i) => $"@i{i}")).Append(')');
            for (var i = 0; i < ids.Length; i++)
            {
                AnalyticsCommand.Add(sql, $"i{i}", ids[i]);
            }
        }

        if (!AppendFilter(sql, text, filter))
        {
            return [];
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

    /// <summary>The ids in <c>(after, upTo]</c> the filter selects, oldest first.</summary>
    private async Task<IReadOnlyList<long>> IdsAsync(DbConnection connection, EventFilter filter, long after, long upTo, CancellationToken cancellationToken)
    {
        await using var sql = connection.CreateCommand();
        var text = new StringBuilder("SELECT id FROM oo_events WHERE id > @after AND id <= @upTo");
        AnalyticsCommand.Add(sql, "after", after);
        AnalyticsCommand.Add(sql, "upTo", upTo);
        if (!AppendFilter(sql, text, filter))
        {
            return [];
        }

        sql.CommandText = text.Append(" ORDER BY id").ToString();
        var ids = new List<long>();
        await using var reader = await sql.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Adds the subject, user and time conditions; false when the subject prefix selects no subject.</summary>
    private bool AppendFilter(DbCommand sql, StringBuilder text, EventFilter filter)
    {
        if (filter.SubjectPrefix is { Length: > 0 } prefix)
        {
            var subjects = SubjectsOf(prefix);
            if (subjects.Count == 0)
            {
                return false;
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

        return true;
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
