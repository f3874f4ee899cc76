using OO.Admin.Data;
using OO.Grains.Interfaces.Integrations;

namespace OO.Admin.Operations.Integrations;

/// <summary>
/// Asks the integration grain of every connected source (from the users directory, at most <see cref="MaxAsked"/>,
/// the most recently connected first) how it is doing. No table holds sync outcomes, so the grains are the source.
/// </summary>
public sealed class IntegrationSurvey(IAdminDatabase database, IGrainFactory grains, TimeProvider time)
{
    /// <summary>Grains asked at most per survey, so a large deployment is sampled rather than woken whole.</summary>
    public const int MaxAsked = 500;

    public async Task<IntegrationHealth> SurveyAsync(CancellationToken cancellationToken)
    {
        var (connected, pairs) = await ConnectedAsync(cancellationToken);
        var statuses = await Task.WhenAll(pairs.Select(async p => (p.Source, Status: await grains.GetIntegrationGrain(p.UserId, p.Source).GetStatus())));
        var now = time.GetUtcNow();
        var asked = statuses.Where(s => s.Status.Connected).ToList();
        bool Stale(IntegrationStatus s) => s.LastSyncAt is not { } at || now - at > TimeSpan.FromDays(1);
        return new IntegrationHealth(
            connected,
            asked.Count,
            asked.Count(s => s.Status.NeedsReconnection),
            asked.Count(s => s.Status.LastError is not null),
            asked.Count(s => Stale(s.Status)),
            asked.Where(s => s.Status.LastError is not null)
                .GroupBy(s => s.Status.NeedsReconnection ? "needs reconnection: " + s.Status.LastError : s.Status.LastError!)
                .OrderByDescending(g => g.Count())
                .ToDictionary(g => g.Key, g => g.Count()),
            [.. asked.GroupBy(s => s.Source).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new SourceHealth(
                g.Key,
                g.Count(),
                g.Count(s => s.Status.NeedsReconnection),
                g.Count(s => s.Status.LastError is not null),
                g.Count(s => Stale(s.Status)),
                g.Max(s => s.Status.LastSyncAt)))]);
    }

    private async Task<(int Connected, List<(string UserId, string Source)> Pairs)> ConnectedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT user_id, source, (SELECT count(*) FROM oo_user_sources WHERE connected = 1) AS total
            FROM oo_user_sources WHERE connected = 1
            ORDER BY first_connected_at DESC
            LIMIT @limit
            """;
        AdminSql.Add(command, "limit", MaxAsked);
        var pairs = new List<(string, string)>();
        var total = 0L;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add((AdminSql.Text(reader, 0)!, AdminSql.Text(reader, 1)!));
            total = AdminSql.Long(reader, 2);
        }

        return ((int)total, pairs);
    }
}
