using System.Text;
using OO.Admin.Data;

namespace OO.Admin.Operations.Audit;

/// <summary>Searches the audit log (<c>oo_audit</c>), naming each actor by email while their account exists.</summary>
public sealed class AuditQuery(IAdminDatabase database)
{
    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditSearch search, CancellationToken cancellationToken)
    {
        var sql = new AdminSql(database.Engine);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder("WHERE 1 = 1");
        if (search.Text is { } text)
        {
            where.Append("""
                 AND (lower(a.action) LIKE @text ESCAPE '\' OR lower(a.target) LIKE @text ESCAPE '\' OR lower(a.actor) LIKE @text ESCAPE '\'
                      OR lower(coalesce(a.detail, '')) LIKE @text ESCAPE '\' OR lower(coalesce(u.email, '')) LIKE @text ESCAPE '\')
                """);
            AdminSql.Add(command, "text", "%" + Escape(text.ToLowerInvariant()) + "%");
        }

        if (search.Actor is { } actor)
        {
            where.Append(" AND a.actor = @actor");
            AdminSql.Add(command, "actor", actor);
        }

        if (search.Target is { } target)
        {
            where.Append(" AND a.target = @target");
            AdminSql.Add(command, "target", target);
        }

        if (search.Since is { } since)
        {
            where.Append(" AND a.at >= @since");
            sql.AddInstant(command, "since", since);
        }

        command.CommandText = $"""
            SELECT a.id, a.at, a.actor, u.email, a.action, a.target, a.detail
            FROM oo_audit a LEFT JOIN oo_users u ON u.user_id = a.actor
            {where}
            ORDER BY a.at DESC, a.id DESC
            LIMIT @limit
            """;
        AdminSql.Add(command, "limit", search.Limit);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                AdminSql.Long(reader, 0),
                AdminSql.Instant(reader, 1)!.Value,
                AdminSql.Text(reader, 2)!,
                AdminSql.Text(reader, 3) is { Length: > 0 } email ? email : null,
                AdminSql.Text(reader, 4)!,
                AdminSql.Text(reader, 5)!,
                AdminSql.Text(reader, 6)));
        }

        return entries;
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
