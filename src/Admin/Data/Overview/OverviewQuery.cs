using System.Data.Common;
using System.Globalization;

namespace OO.Admin.Data.Overview;

/// <summary>Reads the overview (<see cref="OverviewReport"/>) from the analytics tables; the page and its API both use it.</summary>
public sealed class OverviewQuery(IAdminDatabase database)
{
    public async Task<OverviewReport> ReadAsync(DateRange range, CancellationToken cancellationToken)
    {
        var sql = new AdminSql(database.Engine);
        await using var connection = await database.OpenAsync(cancellationToken);

        var lastDay = new DateRange(range.To, range.To);
        var (dau, wau, mau) = await ActiveAsync(connection, sql, lastDay.Start, lastDay.End.AddDays(-7), lastDay.End.AddDays(-30), lastDay.End, cancellationToken);
        var active = await DailyAsync(connection, sql, ActiveByDay(sql), range, cancellationToken);
        var servedAndDone = await ServedByDayAsync(connection, sql, range, cancellationToken);
        var pushes = await PushesByDayAsync(connection, sql, range, cancellationToken);
        var reactions = await ReactionsAsync(connection, sql, range, cancellationToken);
        var funnel = await FunnelAsync(connection, sql, range, cancellationToken);

        var days = range.Days.Select(day =>
        {
            var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (served, done) = servedAndDone.GetValueOrDefault(key);
            var (sent, opened) = pushes.GetValueOrDefault(key);
            return new OverviewDay(day, active.GetValueOrDefault(key), served, done, sent, opened);
        }).ToList();
        var tipsServed = days.Sum(d => d.TipsServed);
        return new OverviewReport(
            range.From, range.To, dau, wau, mau, tipsServed, reactions,
            tipsServed == 0 ? null : (double)days.Sum(d => d.Done) / tipsServed,
            funnel, days.Sum(d => d.PushesSent), days.Sum(d => d.PushesOpened), days);
    }

    // A person's activity: each tip served to them and each reaction they gave, with its instant.
    private static string Activity(string from, string to) => $"""
        SELECT user_id, served_at AS at FROM oo_served_tips WHERE served_at >= {from} AND served_at < {to}
        UNION ALL
        SELECT user_id, reacted_at AS at FROM oo_rewards WHERE reacted_at >= {from} AND reacted_at < {to}
        """;

    private static async Task<(long Dau, long Wau, long Mau)> ActiveAsync(
        DbConnection connection, AdminSql sql, DateTimeOffset day, DateTimeOffset week, DateTimeOffset month, DateTimeOffset end,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT COUNT(DISTINCT CASE WHEN a.at >= @day THEN a.user_id END),
                   COUNT(DISTINCT CASE WHEN a.at >= @week THEN a.user_id END),
                   COUNT(DISTINCT a.user_id)
            FROM ({Activity("@month", "@end")}) a
            """;
        sql.AddInstant(command, "day", day);
        sql.AddInstant(command, "week", week);
        sql.AddInstant(command, "month", month);
        sql.AddInstant(command, "end", end);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (AdminSql.Long(reader, 0), AdminSql.Long(reader, 1), AdminSql.Long(reader, 2));
    }

    private static string ActiveByDay(AdminSql sql) =>
        $"SELECT {sql.Day("a.at")} AS d, COUNT(DISTINCT a.user_id) FROM ({Activity("@start", "@end")}) a GROUP BY {sql.Day("a.at")}";

    private static async Task<Dictionary<string, long>> DailyAsync(
        DbConnection connection, AdminSql sql, string text, DateRange range, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = RangeCommand(connection, sql, text, range);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = AdminSql.Long(reader, 1);
        }

        return result;
    }

    private static async Task<Dictionary<string, (long Served, long Done)>> ServedByDayAsync(
        DbConnection connection, AdminSql sql, DateRange range, CancellationToken cancellationToken)
    {
        var text = $"""
            SELECT {sql.Day("s.served_at")}, COUNT(*), SUM(CASE WHEN r.reaction IN {AdminSql.DoneReactions} THEN 1 ELSE 0 END)
            FROM oo_served_tips s LEFT JOIN oo_rewards r ON r.tip_id = s.tip_id
            WHERE s.served_at >= @start AND s.served_at < @end
            GROUP BY {sql.Day("s.served_at")}
            """;
        var result = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        await using var command = RangeCommand(connection, sql, text, range);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = (AdminSql.Long(reader, 1), AdminSql.Long(reader, 2));
        }

        return result;
    }

    private static async Task<Dictionary<string, (long Sent, long Opened)>> PushesByDayAsync(
        DbConnection connection, AdminSql sql, DateRange range, CancellationToken cancellationToken)
    {
        var text = $"""
            SELECT {sql.Day("at")}, SUM(CASE WHEN outcome = 'sent' THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = 'opened' THEN 1 ELSE 0 END)
            FROM oo_push_log WHERE at >= @start AND at < @end
            GROUP BY {sql.Day("at")}
            """;
        var result = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        await using var command = RangeCommand(connection, sql, text, range);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = (AdminSql.Long(reader, 1), AdminSql.Long(reader, 2));
        }

        return result;
    }

    private static async Task<IReadOnlyDictionary<string, long>> ReactionsAsync(
        DbConnection connection, AdminSql sql, DateRange range, CancellationToken cancellationToken)
    {
        const string Text = "SELECT reaction, COUNT(*) FROM oo_rewards WHERE reacted_at >= @start AND reacted_at < @end GROUP BY reaction ORDER BY reaction";
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var command = RangeCommand(connection, sql, Text, range);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = AdminSql.Long(reader, 1);
        }

        return result;
    }

    private static async Task<ActivationFunnel> FunnelAsync(DbConnection connection, AdminSql sql, DateRange range, CancellationToken cancellationToken)
    {
        var text = $"""
            SELECT COUNT(*),
                   SUM(CASE WHEN EXISTS (SELECT 1 FROM oo_user_sources x WHERE x.user_id = u.user_id) THEN 1 ELSE 0 END),
                   SUM(CASE WHEN EXISTS (SELECT 1 FROM oo_served_tips s WHERE s.user_id = u.user_id) THEN 1 ELSE 0 END),
                   SUM(CASE WHEN EXISTS (SELECT 1 FROM oo_rewards r WHERE r.user_id = u.user_id AND r.reaction IN {AdminSql.DoneReactions}) THEN 1 ELSE 0 END)
            FROM oo_users u
            WHERE u.created_at >= @start AND u.created_at < @end
            """;
        await using var command = RangeCommand(connection, sql, text, range);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ActivationFunnel(AdminSql.Long(reader, 0), AdminSql.Long(reader, 1), AdminSql.Long(reader, 2), AdminSql.Long(reader, 3));
    }

    private static DbCommand RangeCommand(DbConnection connection, AdminSql sql, string text, DateRange range)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        sql.AddInstant(command, "start", range.Start);
        sql.AddInstant(command, "end", range.End);
        return command;
    }
}
