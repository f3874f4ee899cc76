using OO.Learning.Logging;

namespace OO.Admin.Data.Recommendations;

/// <summary>Reads the newest decisions of the explainability log (oo_served_tips with its reward), optionally for one user.</summary>
public sealed class RecommendationsQuery(IAdminDatabase database)
{
    public const int MaxLimit = 200;

    public async Task<IReadOnlyList<ServedDecision>> ReadAsync(string? userId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // CAST(... AS TEXT) reads decision_json alike on both engines.
        command.CommandText = """
            SELECT s.tip_id, s.user_id, s.served_at, s.policy, s.source, s.propensity, s.latency_us, r.reaction, r.reward, CAST(s.decision_json AS TEXT)
            FROM oo_served_tips s LEFT JOIN oo_rewards r ON r.tip_id = s.tip_id
            WHERE @user = '' OR s.user_id = @user
            ORDER BY s.served_at DESC, s.tip_id DESC
            LIMIT @limit
            """;
        AdminSql.Add(command, "user", userId ?? "");
        AdminSql.Add(command, "limit", Math.Clamp(limit, 1, MaxLimit));
        var rows = new List<ServedDecision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ServedDecision(
                reader.GetString(0), reader.GetString(1), AdminSql.Instant(reader, 2)!.Value, reader.GetString(3), reader.GetString(4),
                AdminSql.Double(reader, 5) ?? 0, AdminSql.Long(reader, 6), AdminSql.Text(reader, 7), AdminSql.Double(reader, 8),
                DecisionLogEntry.TryParse(AdminSql.Text(reader, 9))));
        }

        return rows;
    }
}
