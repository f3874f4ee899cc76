using System.Globalization;

namespace OO.Admin.Data.Users;

/// <summary>
/// Searches the directory of people (oo_users) by exact id or by part of the email, newest signups first,
/// with what they connected and how their tips went.
/// </summary>
public sealed class UserDirectoryQuery(IAdminDatabase database)
{
    public const int PageSize = 25;

    /// <summary>Longest search text accepted.</summary>
    public const int MaxQueryLength = 320;

    public async Task<UserPage> SearchAsync(string? query, int page, CancellationToken cancellationToken)
    {
        var q = (query ?? "").Trim();
        page = Math.Max(page, 1);
        var sql = new AdminSql(database.Engine);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT u.user_id, u.email, u.created_at,
                   (SELECT {sql.JoinText("x.source")} FROM oo_user_sources x WHERE x.user_id = u.user_id AND x.connected = 1),
                   (SELECT MAX(s.served_at) FROM oo_served_tips s WHERE s.user_id = u.user_id),
                   (SELECT COUNT(*) FROM oo_served_tips s WHERE s.user_id = u.user_id),
                   (SELECT COUNT(*) FROM oo_served_tips s JOIN oo_rewards r ON r.tip_id = s.tip_id
                     WHERE s.user_id = u.user_id AND r.reaction IN {AdminSql.DoneReactions})
            FROM oo_users u
            WHERE @q = '' OR u.user_id = @q OR lower(u.email) LIKE @pattern ESCAPE '\'
            ORDER BY u.created_at DESC, u.user_id
            LIMIT @limit OFFSET @offset
            """;
        AdminSql.Add(command, "q", q);
        AdminSql.Add(command, "pattern", "%" + Escape(q.ToLower(CultureInfo.InvariantCulture)) + "%");
        AdminSql.Add(command, "limit", PageSize + 1);
        AdminSql.Add(command, "offset", (page - 1) * PageSize);
        var users = new List<UserRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var served = AdminSql.Long(reader, 5);
            users.Add(new UserRow(
                reader.GetString(0),
                reader.GetString(1),
                AdminSql.Instant(reader, 2)!.Value,
                (AdminSql.Text(reader, 3) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList(),
                AdminSql.Instant(reader, 4),
                served,
                served == 0 ? null : (double)AdminSql.Long(reader, 6) / served));
        }

        var hasMore = users.Count > PageSize;
        return new UserPage(q, page, PageSize, hasMore, users.Take(PageSize).ToList());
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
