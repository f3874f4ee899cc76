using System.Data.Common;
using System.Globalization;
using OO.Admin.Data.Overview;

namespace OO.Admin.Data.Rewards;

/// <summary>Reads <see cref="RewardsReport"/>: which policy, source, kind, priority, model, prompt, time and cohort work best.</summary>
public sealed class RewardsQuery(IAdminDatabase database)
{
    public async Task<RewardsReport> ReadAsync(DateRange range, CancellationToken cancellationToken)
    {
        var sql = new AdminSql(database.Engine);
        await using var connection = await database.OpenAsync(cancellationToken);
        var dimensions = new List<(string Name, string Expression)>
        {
            ("policy", "s.policy"),
            ("source", "s.source"),
            ("hour", sql.Hour("s.served_at")),
            ("weekday", sql.Weekday("s.served_at")),
            ("cohort", sql.WeekStart("u.created_at")),
            ("kind", "s.kind"),
            ("priority", "s.priority"),
            ("model", "s.model"),
            ("prompt_version", "s.prompt_version"),
        };

        var slices = new SortedDictionary<string, IReadOnlyList<RewardSlice>>(StringComparer.Ordinal);
        foreach (var (name, expression) in dimensions)
        {
            slices[name] = await SliceAsync(connection, sql, expression, range, cancellationToken);
        }

        return new RewardsReport(range.From, range.To, await DaysAsync(connection, sql, range, cancellationToken), slices);
    }

    private static async Task<IReadOnlyList<RewardSlice>> SliceAsync(
        DbConnection connection, AdminSql sql, string expression, DateRange range, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {expression} AS k, COUNT(*), COUNT(r.tip_id),
                   SUM(CASE WHEN r.reaction IN {AdminSql.DoneReactions} THEN 1 ELSE 0 END), AVG(r.reward)
            FROM oo_served_tips s
            LEFT JOIN oo_rewards r ON r.tip_id = s.tip_id
            LEFT JOIN oo_users u ON u.user_id = s.user_id
            WHERE s.served_at >= @start AND s.served_at < @end
            GROUP BY {expression}
            ORDER BY 1
            """;
        sql.AddInstant(command, "start", range.Start);
        sql.AddInstant(command, "end", range.End);
        var slices = new List<RewardSlice>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var served = AdminSql.Long(reader, 1);
            var done = AdminSql.Long(reader, 3);
            slices.Add(new RewardSlice(
                AdminSql.Text(reader, 0) ?? "(unknown)", served, AdminSql.Long(reader, 2), done,
                served == 0 ? null : (double)done / served, AdminSql.Double(reader, 4)));
        }

        return slices;
    }

    private static async Task<IReadOnlyList<ReactionDay>> DaysAsync(DbConnection connection, AdminSql sql, DateRange range, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {sql.Day("reacted_at")}, reaction, COUNT(*) FROM oo_rewards
            WHERE reacted_at >= @start AND reacted_at < @end
            GROUP BY {sql.Day("reacted_at")}, reaction
            """;
        sql.AddInstant(command, "start", range.Start);
        sql.AddInstant(command, "end", range.End);
        var byDay = new Dictionary<string, SortedDictionary<string, long>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = byDay.TryGetValue(reader.GetString(0), out var found) ? found : byDay[reader.GetString(0)] = new(StringComparer.Ordinal);
            day[reader.GetString(1)] = AdminSql.Long(reader, 2);
        }

        return range.Days.Select(d => new ReactionDay(
            d, byDay.GetValueOrDefault(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) ?? new SortedDictionary<string, long>())).ToList();
    }
}
